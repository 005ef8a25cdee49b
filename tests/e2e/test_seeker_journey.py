"""Journey 1: a job seeker signs up, verifies the address, completes the profile, uploads a CV,
searches, checks a listing against the profile and applies."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from applicants.models import CV, Application
from listings.models import Sector
from tests.applicants.factories import PDF_BYTES
from tests.listings.factories import PublishedListingFactory, reference

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

EMAIL = "amina.yusuf@example.com"
PASSWORD = "saffron-tatami-7391"
CONFIRM_PATH = re.compile(r"https?://[^/\s]+(/en/accounts/confirm-email/[^\s]+/)")


def _listings():
    """The one listing the search should find, and three that each miss one criterion."""
    care = reference(Sector, slug="nursing-care")
    wanted = PublishedListingFactory(
        title_en="Night-shift caregiver", sector=care, visa_support=True
    )
    PublishedListingFactory(title_en="Day-shift caregiver", sector=care, visa_support=True)
    PublishedListingFactory(
        title_en="Night-shift hotel porter",
        sector=reference(Sector, slug="accommodation"),
        visa_support=True,
    )
    PublishedListingFactory(title_en="Night-shift care worker", sector=care, visa_support=False)
    return wanted


def _sign_up_and_verify(page) -> None:
    page.goto("/en/accounts/signup/")
    page.get_by_label("I am looking for work").check()
    page.get_by_label("Email").fill(EMAIL)
    page.get_by_label("Password:", exact=True).fill(PASSWORD)
    page.get_by_label("Password (again)").fill(PASSWORD)
    page.get_by_role("button", name="Sign Up").click()
    page.wait_for_url("**/en/accounts/confirm-email/")

    [message] = [m for m in mail.outbox if EMAIL in m.to]
    path = CONFIRM_PATH.search(message.body).group(1)
    page.goto(path)
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_text(f"You have confirmed {EMAIL}.")).to_be_visible()
    # Confirming logs the new seeker in: the account menu shows the address.
    expect(page.get_by_text(EMAIL, exact=True)).to_be_attached()


def _complete_profile(page) -> None:
    page.goto("/en/me/profile/")
    warning = page.locator(".message-warning")
    for label in ("Full name", "Nationality", "Country of residence", "Japanese level"):
        expect(warning).to_contain_text(label)
    page.get_by_label("Full name").fill("Amina Yusuf")
    page.get_by_label("Nationality").select_option(label="Indonesia")
    page.get_by_label("Country of residence").select_option(label="Indonesia")
    page.get_by_label("Japanese level:", exact=True).select_option(label="JLPT N4")
    page.get_by_role("button", name="Save profile").click()
    expect(page.get_by_text("Profile saved.")).to_be_visible()
    expect(page.get_by_text("Your profile is ready: you can apply to jobs.")).to_be_visible()


def _upload_cv(page) -> None:
    page.goto("/en/me/cvs/")
    page.get_by_label("Label").fill("CV in English")
    page.get_by_label("CV file").set_input_files(
        {"name": "amina-cv.pdf", "mimeType": "application/pdf", "buffer": PDF_BYTES}
    )
    page.get_by_role("button", name="Upload").click()
    expect(page.get_by_text("CV uploaded.")).to_be_visible()
    expect(page.get_by_role("link", name="amina-cv.pdf")).to_be_visible()


def _search(page) -> None:
    page.goto("/en/jobs/")
    page.get_by_label("Job title, skill or keyword").fill("night")
    page.locator("summary", has_text="Filters").click()
    page.get_by_role("group", name="Sector").get_by_label("Nursing care").check()
    page.get_by_label("Visa support").check()
    page.get_by_role("button", name="Show jobs").click()
    page.wait_for_url(re.compile(r"/en/jobs/\?"))
    assert "sector=nursing-care" in page.url
    assert "visa_support=1" in page.url
    expect(page.locator("#results-title")).to_have_text("1 job")


def test_seeker_signs_up_completes_profile_searches_and_applies(page, size):
    wanted = _listings()

    _sign_up_and_verify(page)
    _complete_profile(page)
    _upload_cv(page)
    _search(page)

    page.get_by_role("link", name="Night-shift caregiver").click()
    expect(page.locator("h1")).to_have_text("Night-shift caregiver")
    eligibility = page.get_by_role("region", name="You meet 3 of 3 requirements")
    expect(eligibility).to_be_visible()
    expect(eligibility).to_contain_text("Your level: JLPT N4")
    expect(eligibility).to_contain_text("The employer applies for your Certificate of Eligibility")

    page.get_by_role("link", name="Apply", exact=True).click()
    expect(page.get_by_label("CV in English")).to_be_checked()
    page.get_by_label("Cover letter (optional)").fill("I have cared for my grandparents.")
    page.get_by_label("I agree that the employer sees my profile").check()
    page.get_by_role("button", name="Send application").click()

    page.wait_for_url("**/en/me/applications/")
    expect(page.get_by_text("Application sent. Good luck!")).to_be_visible()
    card = page.locator(".application-card")
    expect(card).to_have_count(1)
    expect(card.get_by_role("link", name="Night-shift caregiver")).to_be_visible()
    expect(card).to_contain_text("Submitted")

    application = Application.objects.get()
    assert application.listing_id == wanted.pk
    assert (application.seeker.email, application.seeker.role) == (EMAIL, "seeker")
    assert application.cv == CV.objects.get(label="CV in English")
    assert application.cover_letter == "I have cared for my grandparents."
    assert application.profile_snapshot["full_name"] == "Amina Yusuf"
