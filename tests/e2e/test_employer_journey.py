"""Journey 2: an employer signs up and posts a job; a moderator approves it; a seeker finds it
and applies; the employer downloads the CV and invites the seeker to an interview."""

import pytest
from playwright.sync_api import expect

from applicants.models import Application
from listings.models import Listing
from notifications.models import Notification
from tests.accounts.factories import TEST_PASSWORD, SeekerFactory
from tests.applicants.factories import PDF_BYTES, CVFactory, SeekerProfileFactory
from tests.e2e.people import (
    admin_log_in,
    browser_for,
    link_in,
    log_in,
    make_moderator,
    open_review_queue_item,
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

EMPLOYER_EMAIL = "hiring@kaizen-logistics.example"
EMPLOYER_PASSWORD = "saffron-tatami-7391"
TITLE_EN = "Forklift operator"
TITLE_JA = "フォークリフト運転手"
DESCRIPTION_EN = "## Duties\n\n- Drive forklifts in our Koto warehouse.\n"
DESCRIPTION_JA = "## 仕事内容\n\n- 江東区の倉庫でフォークリフトを運転します。\n"
INTERVIEW_MESSAGE = "Can you come to our office on Monday at 10:00?"


def _employer_signs_up(page, mailoutbox) -> None:
    page.goto("/en/accounts/signup/")
    expect(page.get_by_label("I am looking for work")).to_be_checked()
    page.get_by_label("I am hiring").check()
    page.get_by_label("Email").fill(EMPLOYER_EMAIL)
    page.get_by_label("Password:", exact=True).fill(EMPLOYER_PASSWORD)
    page.get_by_label("Password (again)").fill(EMPLOYER_PASSWORD)
    page.get_by_role("button", name="Sign Up").click()
    page.wait_for_url("**/en/accounts/confirm-email/")

    # The verification email, with the link that proves the address.
    [verification] = [m for m in mailoutbox if m.to == [EMPLOYER_EMAIL]]
    page.goto(link_in(verification.body, r"/en/accounts/confirm-email/[^\s]+/"))
    page.get_by_role("button", name="Confirm").click()
    expect(page.locator("summary", has_text="Account")).to_be_visible()


def _employer_creates_company(page) -> None:
    page.get_by_role("link", name="For employers").click()
    expect(page.get_by_role("heading", name="Set up your company")).to_be_visible()
    page.get_by_label("Name (English)").fill("Kaizen Logistics")
    page.get_by_label("Name (Japanese)").fill("カイゼン物流株式会社")
    page.get_by_label("Prefecture").select_option(label="Tokyo")
    page.get_by_label("Address").fill("2-1 Shinkiba, Koto-ku")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Your company is set up. Now post your first job.")).to_be_visible()
    expect(page.get_by_role("heading", name="Kaizen Logistics")).to_be_visible()


def _employer_writes_listing(page) -> Listing:
    page.get_by_role("link", name="Post a job").click()
    page.get_by_label("Title (English)").fill(TITLE_EN)
    page.get_by_label("Description (English)").fill(DESCRIPTION_EN)
    page.get_by_label("Title (Japanese)").fill(TITLE_JA)
    page.get_by_label("Description (Japanese)").fill(DESCRIPTION_JA)
    page.get_by_label("Sector").select_option(label="Industrial product manufacturing")
    page.get_by_label("Specified Skilled Worker (i)", exact=True).check()
    page.get_by_label("Prefecture").select_option(label="Tokyo")
    page.get_by_label("City").fill("Koto")
    page.get_by_label("Employment type").select_option(label="Full-time")
    page.get_by_label("Minimum salary (yen)").fill("230000")
    page.get_by_label("Maximum salary (yen)").fill("270000")
    page.get_by_label("Salary period").select_option(label="per month")
    page.get_by_label("Japanese level required").select_option(label="JLPT N4")
    page.get_by_role("button", name="Save draft and preview").click()

    # The preview, in each language the listing is written in.
    expect(page.get_by_text("Preview of your listing (Draft).")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE_EN)
    expect(page.get_by_text("Drive forklifts in our Koto warehouse.")).to_be_visible()
    listing = Listing.objects.get(title_en=TITLE_EN)
    page.goto(f"/ja/employer/listings/{listing.pk}/preview/")
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE_JA)
    expect(page.get_by_text("江東区の倉庫でフォークリフトを運転します。")).to_be_visible()
    page.go_back()

    page.get_by_role("button", name="Submit for review").click()
    expect(page.get_by_text("Submitted for review.")).to_be_visible()
    row = page.get_by_role("row").filter(has_text=TITLE_EN)
    expect(row.get_by_text("Pending review")).to_be_visible()
    listing.refresh_from_db()
    assert listing.status == Listing.Status.PENDING
    return listing


def _moderator_approves(page, moderator) -> None:
    admin_log_in(page, moderator.email, TEST_PASSWORD)
    open_review_queue_item(page, TITLE_EN)
    page.get_by_role("button", name="Approve and publish").click()
    expect(page.get_by_text(f"Published “{TITLE_EN}”.")).to_be_visible()


def test_employer_posts_a_job_a_seeker_applies_and_hears_about_the_interview(
    page, size, browser, live_server, request, mailoutbox
):
    _employer_signs_up(page, mailoutbox)
    _employer_creates_company(page)
    listing = _employer_writes_listing(page)

    moderator_page = browser_for(request, browser, live_server, size, "moderator")
    _moderator_approves(moderator_page, make_moderator())

    seeker = SeekerFactory(email="amina@example.com")
    SeekerProfileFactory(user=seeker, full_name="Amina Rahman")
    CVFactory(owner=seeker, label="CV in English", original_name="amina-cv.pdf")
    seeker_page = browser_for(request, browser, live_server, size, "seeker")
    log_in(seeker_page, seeker.email, TEST_PASSWORD, next_path="/en/jobs/?q=forklift")
    expect(seeker_page.get_by_role("heading", name="1 job", exact=True)).to_be_visible()
    seeker_page.get_by_role("link", name=TITLE_EN).click()
    seeker_page.get_by_role("link", name="Apply").click()
    expect(seeker_page.get_by_label("CV in English")).to_be_checked()
    seeker_page.get_by_label("I agree that the employer sees my profile").check()
    seeker_page.get_by_role("button", name="Send application").click()
    expect(seeker_page.get_by_text("Application sent. Good luck!")).to_be_visible()
    application = Application.objects.get(listing=listing, seeker=seeker)

    # The employer opens the applicant, downloads the CV and invites them to an interview.
    page.goto(f"/en/employer/listings/{listing.pk}/applicants/")
    page.get_by_role("link", name="Amina Rahman").click()
    expect(page.get_by_role("heading", name="Amina Rahman")).to_be_visible()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download CV (amina-cv.pdf)").click()
    download = download_info.value
    assert download.suggested_filename == "amina-cv.pdf"
    with open(download.path(), "rb") as cv:
        assert cv.read() == PDF_BYTES
    page.get_by_label("Move to").select_option(label="Interview")
    page.get_by_label("Message to the candidate").fill(INTERVIEW_MESSAGE)
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("Status changed.")).to_be_visible()
    application.refresh_from_db()
    assert application.status == Application.Status.INTERVIEW

    # The seeker sees the new state and the message, and has the email about it.
    seeker_page.goto("/en/me/applications/")
    card = seeker_page.locator("article").filter(has_text=TITLE_EN)
    expect(card).to_contain_text("Status: Interview")
    expect(card.get_by_text(INTERVIEW_MESSAGE)).to_be_visible()
    status_emails = [
        m for m in mailoutbox if m.to == [seeker.email] and INTERVIEW_MESSAGE in m.body
    ]
    assert [m.subject for m in status_emails] == [f"{TITLE_EN}: Interview"]
    assert Notification.objects.filter(
        kind=Notification.Kind.APPLICATION_STATUS,
        to_email=seeker.email,
        status=Notification.Status.SENT,
    ).exists()
