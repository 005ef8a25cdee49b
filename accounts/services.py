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
