"""Write jobboard/third_party_messages.py: the Django and allauth messages this site shows.

Run with the project's virtualenv after upgrading Django or allauth, then `make messages`.
Needs GNU gettext's xgettext.
"""

import pathlib
import subprocess
import sysconfig
import tempfile

import polib

ROOT = pathlib.Path(__file__).resolve().parent.parent
SITE_PACKAGES = pathlib.Path(sysconfig.get_paths()["purelib"])
OUTPUT = ROOT / "jobboard" / "third_party_messages.py"

# allauth: the account pages, forms and messages (not social accounts, MFA or its admin).
ALLAUTH_SOURCES = (
    "account/forms.py",
    "account/adapter.py",
    "account/fields.py",
    "account/views.py",
    "account/internal/",
    "core/internal/",
    "templates/account/",
    "templates/allauth/",
)
# Django: validation errors, widgets, dates, password rules and file sizes.
DJANGO_SOURCES = [
    "forms/fields.py",
    "forms/models.py",
    "forms/widgets.py",
    "core/validators.py",
    "db/models/base.py",
    "db/models/fields/__init__.py",
    "contrib/auth/password_validation.py",
    "utils/dates.py",
    "utils/timesince.py",
    "template/defaultfilters.py",
]
DJANGO_SKIP = {":", ", ", "…", "and", "or", "(Hidden field %(name)s) %(error)s"}
XGETTEXT_KEYWORDS = [
    "gettext_lazy",
    "_",
    "gettext",
    "gettext_noop",
    "ngettext_lazy:1,2",
    "ngettext:1,2",
    "pgettext_lazy:1c,2",
    "pgettext:1c,2",
]

HEADER = '''# ruff: noqa: E501 - messages are copied verbatim
"""Messages of Django and django-allauth that this site shows, listed for makemessages.

allauth ships no Urdu and Django's Urdu is incomplete, so these messages go into this site's
own catalogue (which takes precedence) and are translated there like the rest. Never imported.
Written by scripts/third_party_messages.py; regenerate it after upgrading either package.
"""

from django.utils.translation import gettext_noop, ngettext_lazy, pgettext_lazy

MESSAGES = [
'''


def allauth_entries():
    catalogue = polib.pofile(str(SITE_PACKAGES / "allauth/locale/ja/LC_MESSAGES/django.po"))
    for entry in catalogue:
        if any(path.startswith(ALLAUTH_SOURCES) for path, _line in entry.occurrences):
            yield entry


def django_entries():
    with tempfile.TemporaryDirectory() as folder:
        template = pathlib.Path(folder) / "django.pot"
        command = ["xgettext", "-L", "Python", "--from-code=UTF-8", "-o", str(template)]
        command += [f"--keyword={keyword}" for keyword in XGETTEXT_KEYWORDS]
        subprocess.run(  # noqa: S603 - fixed arguments
            command + DJANGO_SOURCES,
            cwd=SITE_PACKAGES / "django",
            check=True,
        )
        for entry in polib.pofile(str(template)):
            paths = [path for path, _line in entry.occurrences]
            is_field_description = all(
                path.startswith("db/models/fields") for path in paths
            ) and not entry.msgid.endswith((".", ".”"))
            if entry.msgid not in DJANGO_SKIP and not is_field_description:
                yield entry


def main():
    entries = {}
    for entry in [*allauth_entries(), *django_entries()]:
        entries.setdefault((entry.msgctxt or "", entry.msgid), entry)
    lines = []
    for (context, msgid), entry in sorted(entries.items()):
        if entry.msgid_plural and context:
            raise SystemExit(f"A plural with a context is not supported: {msgid!r}")
        if entry.msgid_plural:
            lines.append(f"    ngettext_lazy({msgid!r}, {entry.msgid_plural!r}, 1),")
        elif context:
            lines.append(f"    pgettext_lazy({context!r}, {msgid!r}),")
        else:
            lines.append(f"    gettext_noop({msgid!r}),")
    OUTPUT.write_text(HEADER + "\n".join(lines) + "\n]\n")
    print(f"{len(entries)} messages written to {OUTPUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
