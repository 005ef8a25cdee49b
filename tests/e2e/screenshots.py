"""Screenshots of the main pages for docs/screenshots/: `make screenshots`.

Not a test (pytest only collects test_*.py): run it explicitly with pytest, which gives it the
live server, Chromium and a throwaway database. It seeds the demo board (seed_demo), adds a
few applications through the services, and saves the visible viewport of each page at phone
(360x740) and desktop (1280x800) size. Urdu and Japanese need fonts-noto-core and
fonts-noto-cjk to render.
"""

import io
import secrets
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from accounts.management.commands.seed_demo import DEMO_EMPLOYER_EMAIL
from accounts.models import User
from accounts.services import user_create_verified
from applicants import services
from applicants.models import CV, Application
from listings.models import JapaneseLevel, Listing
from listings.permissions import company_of
from tests.applicants.factories import pdf_upload
from tests.e2e.conftest import SIZES, sign_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

OUTPUT = Path(settings.BASE_DIR) / "docs" / "screenshots"
DEMO_SEEKER_EMAIL = "seeker@demo.hataraku.test"
# name, nationality, Japanese level, where the employer has moved the application
APPLICANTS = [
    ("Maria Santos", "PH", "n3", Application.Status.INTERVIEW),
    ("Nguyen Van An", "VN", "n4", Application.Status.IN_REVIEW),
    ("Ahmed Raza", "PK", "jft-a2", Application.Status.SUBMITTED),
    ("Sita Gurung", "NP", "n4", Application.Status.OFFER),
    ("Dewi Lestari", "ID", "n5", Application.Status.REJECTED),
]
PATH_TO_STATUS = {
    Application.Status.IN_REVIEW: [Application.Status.IN_REVIEW],
    Application.Status.INTERVIEW: [Application.Status.IN_REVIEW, Application.Status.INTERVIEW],
    Application.Status.OFFER: [Application.Status.IN_REVIEW, Application.Status.OFFER],
    Application.Status.REJECTED: [Application.Status.REJECTED],
}


def _ready_to_apply(user, *, name: str, nationality: str, level: str) -> None:
    services.profile_update(
        profile=services.profile_for(user),
        skills_tests=[],
        desired_sectors=[],
        desired_prefectures=[],
        experience={},
        full_name=name,
        nationality=nationality,
        country_of_residence=nationality,
        japanese_level=JapaneseLevel.objects.get(slug=level),
    )
    services.cv_upload(owner=user, upload=pdf_upload(f"{name} CV.pdf"), label="CV")


def _apply(user, listing, employer, status) -> None:
    application, _created = services.application_submit(
        listing=listing,
        seeker=user,
        cv=CV.objects.get(owner=user),
        cover_letter="I would like to apply.",
    )
    for step in PATH_TO_STATUS.get(status, []):
        application = services.application_move(
            application=application, by=employer, to_status=step
        )


def _demo_board() -> dict:
    call_command("seed_demo", "--force", stdout=io.StringIO())
    employer = User.objects.get(email=DEMO_EMPLOYER_EMAIL)
    company = company_of(employer)
    own = Listing.objects.live().filter(company=company).order_by("-published_at")
    others = Listing.objects.live().exclude(company=company).order_by("-published_at")
    hiring = own[0]
    for number, (name, nationality, level, status) in enumerate(APPLICANTS):
        user = user_create_verified(
            email=f"applicant{number}@demo.hataraku.test",
            password=secrets.token_urlsafe(12),
            full_name=name,
        )
        _ready_to_apply(user, name=name, nationality=nationality, level=level)
        _apply(user, hiring, employer, status)

    seeker = User.objects.get(email=DEMO_SEEKER_EMAIL)
    _ready_to_apply(seeker, name="Demo Seeker", nationality="PK", level="n4")
    _apply(seeker, hiring, employer, Application.Status.INTERVIEW)
    _apply(seeker, others[0], employer, Application.Status.SUBMITTED)
    return {"employer": employer, "seeker": seeker, "hiring": hiring, "other": others[1]}


def test_save_screenshots(browser, live_server, capsys):
    board = _demo_board()
    hiring, other = board["hiring"], board["other"]
    shots = [
        (None, "home", "/en/"),
        (None, "jobs", "/en/jobs/"),
        (None, "listing", hiring.get_absolute_url()),
        (None, "listing-ja", f"/ja/jobs/{other.pk}/{other.slug}/"),
        (None, "listing-ur", f"/ur/jobs/{hiring.pk}/{hiring.slug}/"),
        ("seeker", "apply", f"/en/jobs/{other.pk}/apply/"),
        ("seeker", "applications", "/en/me/applications/"),
        ("employer", "employer-dashboard", "/en/employer/"),
        ("employer", "employer-applicants", f"/en/employer/listings/{hiring.pk}/applicants/"),
    ]
    OUTPUT.mkdir(parents=True, exist_ok=True)
    for size, viewport in SIZES.items():
        context = browser.new_context(viewport=viewport, base_url=live_server.url)
        page = context.new_page()
        signed_in = None
        for who, name, path in shots:
            if who != signed_in:
                context.clear_cookies()
                if who:
                    sign_in(context, live_server.url, board[who])
                signed_in = who
            response = page.goto(path)
            assert response.ok and response.url.endswith(path), f"{path}: {response.url}"
            page.screenshot(path=str(OUTPUT / f"{name}-{size}.png"))
        context.close()
    with capsys.disabled():
        print(f"\nSaved {len(shots) * len(SIZES)} screenshots in {OUTPUT}")
