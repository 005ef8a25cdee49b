"""English, Japanese and Urdu: URLs, redirects, the switcher, pages, listings and emails."""

import re
import shutil
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.template import Context, Template
from django.test import override_settings
from django.utils import translation
from django.utils.translation import gettext

from listings.models import Sector
from notifications.models import Notification
from tests.accounts.factories import EmployerFactory, SeekerFactory
from tests.listings.factories import MembershipFactory, PublishedListingFactory

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]
LOCALE_DIR = Path(settings.BASE_DIR) / "locale"
NOT_SCANNED = {"locale", ".venv", ".git", "var", "staticfiles", "test-results", "node_modules"}


def _html_tag(html: str) -> str:
    return re.search(r"<html[^>]*>", html).group(0)


def _title(html: str) -> str:
    return re.search(r"<title>(.*?)</title>", html, re.S).group(1).strip()


def _translated(msgid: str, language: str) -> str:
    with translation.override(language):
        return gettext(msgid)


# ---- the catalogues ----


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="GNU gettext is not installed")
def test_every_string_is_translated_in_japanese_and_urdu(tmp_path, monkeypatch):
    """Run makemessages against a copy of the catalogues: a new string in the code, or one
    left untranslated or fuzzy, fails here (fix with `make messages` and translate it)."""
    shutil.copytree(LOCALE_DIR, tmp_path / "locale")
    # makemessages writes to the locale folder beside the files it scans, so the sources are
    # linked into the temporary folder: the real catalogues stay untouched.
    for item in Path(settings.BASE_DIR).iterdir():
        if item.name not in NOT_SCANNED:
            (tmp_path / item.name).symlink_to(item)
    monkeypatch.chdir(tmp_path)
    with override_settings(LOCALE_PATHS=[tmp_path / "locale"]):
        call_command("makemessages", locale=["ja", "ur"], symlinks=True, verbosity=0)
    for language in ("ja", "ur"):
        catalogue = polib.pofile(str(tmp_path / "locale" / language / "LC_MESSAGES/django.po"))
        untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
        fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
        assert not untranslated, f"{language}: untranslated (`make messages`): {untranslated[:20]}"
        assert not fuzzy, f"{language}: fuzzy: {fuzzy[:20]}"


@pytest.mark.parametrize("language", ["ja", "ur"])
def test_compiled_catalogue_matches_its_source(language):
    folder = LOCALE_DIR / language / "LC_MESSAGES"
    source = polib.pofile(str(folder / "django.po"))
    compiled = polib.mofile(str(folder / "django.mo"))
    as_compiled = {(entry.msgctxt, entry.msgid): entry.msgstr for entry in compiled}
    for entry in source.translated_entries():
        if entry.msgid_plural:
            continue
        assert as_compiled.get((entry.msgctxt, entry.msgid)) == entry.msgstr, (
            f"{entry.msgid!r}: run `make messages` to compile"
        )


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext is not installed")
@pytest.mark.parametrize("language", ["ja", "ur"])
def test_translations_keep_their_placeholders(language):
    import subprocess

    source = LOCALE_DIR / language / "LC_MESSAGES" / "django.po"
    result = subprocess.run(
        ["msgfmt", "--check", "-o", "/dev/null", str(source)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


# ---- URLs and redirects ----


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [("ja", "/ja/"), ("ur-PK,ur;q=0.9,en;q=0.5", "/ur/"), ("en-GB", "/en/"), ("fr", "/en/")],
)
def test_the_root_redirects_by_accept_language(client, accept_language, expected):
    response = client.get("/", headers={"accept-language": accept_language})
    assert response.status_code == 302
    assert response["Location"] == expected


def test_an_unprefixed_url_keeps_its_path_and_query(client):
    response = client.get("/jobs/?sector=construction&q=weld", headers={"accept-language": "ja"})
    assert response["Location"] == "/ja/jobs/?sector=construction&q=weld"


def test_the_language_cookie_wins_over_accept_language(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ur"
    response = client.get("/", headers={"accept-language": "ja"})
    assert response["Location"] == "/ur/"


def test_a_signed_in_users_saved_language_wins_over_accept_language(client):
    client.force_login(SeekerFactory(preferred_language="ur"))
    response = client.get("/jobs/", headers={"accept-language": "ja"})
    assert response["Location"] == "/ur/jobs/"


def test_a_prefixed_url_opens_in_its_own_language_whatever_the_browser_says(client):
    client.force_login(SeekerFactory(preferred_language="ur"))
    response = client.get("/ja/jobs/", headers={"accept-language": "en"})
    assert response.status_code == 200
    assert 'lang="ja"' in _html_tag(response.content.decode())


# ---- pages in each language ----

PAGES = [
    # (URL after the language prefix, who is logged in, msgid of the <title>'s first part)
    ("", None, "Skilled jobs in Japan"),
    ("jobs/", None, "Jobs in Japan"),
    ("accounts/login/", None, "Sign In"),
    ("accounts/signup/", None, "Signup"),
    ("me/applications/", "seeker", "My applications"),
    ("me/profile/", "seeker", "My profile"),
    ("me/alerts/", "seeker", "Job alerts"),
    ("me/saved/", "seeker", "Saved jobs"),
    ("me/cvs/", "seeker", "My CVs"),
    ("accounts/settings/", "seeker", "Account settings"),
    ("employer/", "employer", "Employer dashboard"),
    ("employer/listings/new/", "employer", "Post a job"),
]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("path", "who", "title"), PAGES)
def test_each_page_renders_in_each_language(client, language, path, who, title):
    if who == "seeker":
        client.force_login(SeekerFactory())
    elif who == "employer":
        client.force_login(MembershipFactory().user)
    response = client.get(f"/{language}/{path}")
    assert response.status_code == 200
    html = response.content.decode()
    direction = "rtl" if language == "ur" else "ltr"
    assert _html_tag(html) == f'<html lang="{language}" dir="{direction}">'
    expected = _translated(title, language)
    if language != "en":
        assert expected != title, f"{title!r} has no {language} translation"
    assert _title(html).startswith(expected)


def test_listing_page_in_each_language(client):
    listing = PublishedListingFactory()
    for language in LANGUAGES:
        with translation.override(language):
            url = listing.get_absolute_url()
        assert url.startswith(f"/{language}/jobs/")
        html = client.get(url).content.decode()
        assert f'lang="{language}"' in _html_tag(html)
        assert _translated("Apply", language) in html


def test_pages_name_their_other_languages_for_search_engines(client):
    html = client.get("/ja/jobs/?sector=construction").content.decode()
    for language in LANGUAGES:
        assert (
            f'<link rel="alternate" hreflang="{language}" '
            f'href="{settings.SITE_URL}/{language}/jobs/?sector=construction">'
        ) in html
    assert (f'hreflang="x-default" href="{settings.SITE_URL}/jobs/?sector=construction"') in html


def test_sitemap_lists_every_language_with_alternates(client):
    PublishedListingFactory()
    xml = client.get("/sitemap-static.xml").content.decode()
    for language in LANGUAGES:
        assert f"<loc>http://testserver/{language}/jobs/</loc>" in xml
        assert f'hreflang="{language}" href="http://testserver/{language}/jobs/"' in xml


def test_reference_data_shows_in_the_pages_language(client):
    sector = Sector.objects.get(slug="construction")
    html = client.get("/ur/jobs/").content.decode()
    assert sector.name_ur and sector.name_ur in html
    html = client.get("/ja/jobs/").content.decode()
    assert sector.name_ja in html


def test_country_names_show_in_urdu(client):
    client.force_login(SeekerFactory())
    html = client.get("/ur/me/profile/").content.decode()
    assert "پاکستان" in html
    assert "ویتنام" in html


# ---- the language switcher and the account setting ----


def test_switcher_keeps_the_page_and_its_query(client):
    response = client.post(
        "/i18n/setlang/", {"language": "ja", "next": "/en/jobs/?sector=construction&page=2"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/ja/jobs/?sector=construction&page=2"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "ja"


def test_switcher_works_from_a_page_in_another_language_than_the_cookie(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    listing = PublishedListingFactory()
    with translation.override("ur"):
        urdu_url = listing.get_absolute_url()
    response = client.post("/i18n/setlang/", {"language": "ja", "next": urdu_url})
    with translation.override("ja"):
        assert response["Location"] == listing.get_absolute_url()


def test_switcher_remembers_the_choice_on_the_account(client):
    user = SeekerFactory(preferred_language="en")
    client.force_login(user)
    client.post("/i18n/setlang/", {"language": "ur", "next": "/en/me/applications/"})
    user.refresh_from_db()
    assert user.preferred_language == "ur"


@pytest.mark.parametrize("next_url", ["https://evil.example/", "//evil.example/x"])
def test_switcher_never_redirects_off_the_site(client, next_url):
    response = client.post("/i18n/setlang/", {"language": "ja", "next": next_url})
    assert "evil.example" not in response["Location"]


def test_switcher_ignores_an_unknown_language(client):
    response = client.post("/i18n/setlang/", {"language": "xx", "next": "/en/jobs/"})
    assert response["Location"] == "/en/jobs/"
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies


def test_switcher_offers_each_language_in_its_own_script(client):
    html = client.get("/en/jobs/").content.decode()
    for name in ("English", "日本語", "اردو"):
        assert name in html


def test_account_settings_change_the_language_of_the_site_and_emails(client):
    user = SeekerFactory(preferred_language="en")
    client.force_login(user)
    response = client.post(
        "/en/accounts/settings/", {"full_name": "Amina Khan", "preferred_language": "ja"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/ja/accounts/settings/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "ja"
    user.refresh_from_db()
    assert (user.full_name, user.preferred_language) == ("Amina Khan", "ja")


def test_account_settings_refuse_an_unknown_language_and_keep_the_name(client):
    user = SeekerFactory(preferred_language="en", full_name="Old")
    client.force_login(user)
    response = client.post(
        "/en/accounts/settings/", {"full_name": "New name", "preferred_language": "xx"}
    )
    assert response.status_code == 200
    assert 'value="New name"' in response.content.decode()
    user.refresh_from_db()
    assert (user.full_name, user.preferred_language) == ("Old", "en")


def test_sign_up_remembers_the_language_it_was_made_in(client):
    client.post(
        "/ur/accounts/signup/",
        {
            "role": "seeker",
            "email": "bilal@example.com",
            "password1": "a-long-passphrase-4",
            "password2": "a-long-passphrase-4",
        },
    )
    notification = Notification.objects.get(to_email="bilal@example.com")
    assert notification.language == "ur"
    assert "/ur/accounts/confirm-email/" in notification.body_text


# ---- listing content in one language or both ----


@pytest.mark.parametrize(
    ("page_language", "written_in", "shown", "note"),
    [
        ("en", "ja", "ja", "This listing is written in Japanese."),
        ("ur", "ja", "ja", "This listing is written in Japanese."),
        ("ja", "en", "en", "This listing is written in English."),
        ("ja", "both", "ja", None),
        ("en", "both", "en", None),
        ("ur", "both", "en", "This listing is written in English."),
    ],
)
def test_listing_shows_the_pages_language_or_says_which_it_is_in(
    client, page_language, written_in, shown, note
):
    english = {"title_en": "Care worker", "description_en": "Care for elderly residents."}
    japanese = {"title_ja": "介護職員", "description_ja": "高齢者の介護をお願いします。"}
    fields = {"en": english, "ja": japanese, "both": {**english, **japanese}}[written_in]
    blank = {"title_en": "", "description_en": "", "title_ja": "", "description_ja": ""}
    listing = PublishedListingFactory(**{**blank, **fields})
    with translation.override(page_language):
        html = client.get(listing.get_absolute_url()).content.decode()
    title = "介護職員" if shown == "ja" else "Care worker"
    assert f'<h1 lang="{shown}" dir="auto">{title}</h1>' in html
    if note:
        assert _translated(note, page_language) in html
    else:
        assert "language-note" not in html


def test_search_finds_a_listing_by_either_language(client):
    PublishedListingFactory(title_en="Welder", title_ja="溶接工")
    for query in ("Welder", "溶接工"):
        html = client.get("/ur/jobs/", {"q": query}).content.decode()
        assert "Welder" in html


# ---- numbers, dates and yen ----


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "¥200,000–¥250,000 per month"),
        ("ja", "月給 200,000円〜250,000円"),
        ("ur", "\u2066\u2066¥200,000\u2069–\u2066¥250,000\u2069\u2069"),
    ],
)
def test_salary_is_written_the_way_each_language_writes_it(language, expected):
    listing = PublishedListingFactory.build(
        salary_min=200_000, salary_max=250_000, salary_period="monthly"
    )
    template = Template("{% load listings_tags %}{% salary listing %}")
    with translation.override(language):
        assert expected in template.render(Context({"listing": listing}))


@pytest.mark.parametrize(
    ("language", "expected"), [("en", "Nov. 25, 2026"), ("ja", "2026年11月25日")]
)
def test_dates_use_each_languages_format(language, expected):
    import datetime

    with translation.override(language):
        rendered = Template('{{ day|date:"DATE_FORMAT" }}').render(
            Context({"day": datetime.date(2026, 11, 25)})
        )
    assert rendered == expected


def test_urdu_dates_put_the_day_first_with_urdu_month_names():
    import datetime

    with translation.override("ur"):
        rendered = Template('{{ day|date:"DATE_FORMAT" }}').render(
            Context({"day": datetime.date(2026, 11, 25)})
        )
    assert rendered == "25 نومبر 2026"


# ---- right to left ----


def test_stylesheet_uses_logical_properties_only():
    css = (Path(settings.BASE_DIR) / "static/css/site.css").read_text()
    physical = re.findall(
        r"(?:margin|padding|border)-(?:left|right)\b|\b(?:left|right)\s*:|text-align:\s*(?:left|right)"
        r"|float:\s*(?:left|right)",
        css,
    )
    assert physical == []


def test_urdu_pages_use_a_font_stack_that_renders_urdu():
    css = (Path(settings.BASE_DIR) / "static/css/site.css").read_text()
    assert "Noto Nastaliq Urdu" in css and "Noto Naskh Arabic" in css
    assert '[lang|="ur"]' in css


# ---- emails ----


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_email_is_written_in_the_recipients_language(language):
    from notifications import emails

    member = MembershipFactory(user=EmployerFactory(preferred_language=language))
    listing = PublishedListingFactory(
        company=member.company, title_en="Care worker", title_ja="介護職員"
    )
    with translation.override("en"):  # the language of whoever triggers the email
        emails.listing_approved(listing)
    notification = Notification.objects.get(recipient=member.user)
    assert notification.language == language
    title = "介護職員" if language == "ja" else "Care worker"
    assert notification.subject == _translated("Published: %(title)s", language) % {"title": title}
    if language != "en":
        assert notification.subject != f"Published: {title}"
    with translation.override(language):
        path = listing.get_absolute_url()
    assert path.startswith(f"/{language}/jobs/")
    assert f"{settings.SITE_URL}{path}" in notification.body_text
    direction = ' dir="rtl"' if language == "ur" else ""
    assert f'<html lang="{language}"{direction}>' in notification.body_html
