import datetime

import factory
from django.utils import timezone

from listings import search
from listings.cache import board_changed
from listings.models import (
    Company,
    CompanyMembership,
    JapaneseLevel,
    Listing,
    Prefecture,
    ResidenceStatus,
    Sector,
)
from tests.accounts.factories import EmployerFactory


def reference(model, **lookup):
    return model.objects.get(**lookup)


class CompanyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Company

    name_en = factory.Sequence(lambda n: f"Sakura Works {n}")
    name_ja = factory.Sequence(lambda n: f"さくら工業{n}株式会社")
    slug = factory.Sequence(lambda n: f"sakura-works-{n}")
    prefecture = factory.LazyFunction(lambda: reference(Prefecture, code="13"))
    address = "1-2-3 Shibaura, Minato-ku"
    description = "We build things."


class VerifiedCompanyFactory(CompanyFactory):
    verified = True


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CompanyMembership

    company = factory.SubFactory(CompanyFactory)
    user = factory.SubFactory(EmployerFactory)
    role = CompanyMembership.Role.OWNER


class ListingFactory(factory.django.DjangoModelFactory):
    """A draft listing; subclasses give the other states."""

    class Meta:
        model = Listing
        skip_postgeneration_save = True

    company = factory.SubFactory(CompanyFactory)
    title_en = factory.Sequence(lambda n: f"Care worker {n}")
    description_en = "## Duties\n\n- Help residents with daily life.\n"
    slug = factory.LazyAttribute(lambda o: o.title_en.lower().replace(" ", "-") or "job")
    sector = factory.LazyFunction(lambda: reference(Sector, slug="nursing-care"))
    prefecture = factory.LazyFunction(lambda: reference(Prefecture, code="13"))
    city = "Shinjuku"
    employment_type = Listing.EmploymentType.FULL_TIME
    salary_min = 220_000
    salary_max = 260_000
    salary_period = Listing.SalaryPeriod.MONTHLY
    japanese_level = factory.LazyFunction(lambda: reference(JapaneseLevel, slug="n4"))
    status = Listing.Status.DRAFT

    @factory.post_generation
    def statuses(self, create, extracted, **kwargs):
        if not create:
            return
        slugs = extracted if extracted is not None else ["ssw-1"]
        self.residence_statuses.set(ResidenceStatus.objects.filter(slug__in=slugs))

    @factory.post_generation
    def search_index(self, create, extracted, **kwargs):
        # Services index what they save and refresh the board's cached counts; factories
        # write rows directly, so they do the same here.
        if create:
            search.index_listings([self.pk])
            board_changed()


class PendingListingFactory(ListingFactory):
    status = Listing.Status.PENDING
    submitted_at = factory.LazyFunction(timezone.now)


class PublishedListingFactory(ListingFactory):
    status = Listing.Status.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))
    expires_at = factory.LazyAttribute(lambda o: o.published_at + datetime.timedelta(days=60))


class RejectedListingFactory(ListingFactory):
    status = Listing.Status.REJECTED
    rejection_reason = "Salary below the minimum wage."


class ClosedListingFactory(PublishedListingFactory):
    status = Listing.Status.CLOSED
    closed_at = factory.LazyFunction(timezone.now)


class ExpiredListingFactory(PublishedListingFactory):
    status = Listing.Status.EXPIRED
    published_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=70))
    expires_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=10))
