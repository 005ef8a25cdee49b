"""Actions on accounts."""

from allauth.account.models import EmailAddress
from django.db import transaction

from accounts.models import User


@transaction.atomic
def user_create_verified(
    *, email: str, password: str, role: str = User.Role.SEEKER, full_name: str = "", **extra
) -> User:
    """Create a user whose email address counts as verified (demo data, staff tooling)."""
    user = User(email=User.objects.normalize_email(email), role=role, full_name=full_name, **extra)
    user.set_password(password)
    user.full_clean()
    user.save()
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def user_update_settings(*, user: User, full_name: str, preferred_language: str) -> User:
    """Save the name and the language the site and every email to this person use."""
    user.full_name = full_name
    user.preferred_language = preferred_language
    user.full_clean()
    user.save(update_fields=["full_name", "preferred_language"])
    return user


def user_set_preferred_language(*, user: User, language: str) -> None:
    """Remember the language chosen with the site's language switcher."""
    if language != user.preferred_language:
        user.preferred_language = language
        user.full_clean(exclude=["password"])
        user.save(update_fields=["preferred_language"])
