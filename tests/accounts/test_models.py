import pytest
from django.contrib.auth import get_user_model

User = get_user_model()
pytestmark = pytest.mark.django_db


def test_users_have_no_username_and_log_in_by_email():
    assert User.USERNAME_FIELD == "email"
    assert not hasattr(User(), "username") or User().username is None


def test_create_superuser_is_staff():
    admin = User.objects.create_superuser(email="Boss@Example.COM", password="x" * 12)
    assert admin.is_staff and admin.is_superuser
    assert admin.email == "Boss@example.com"


def test_new_users_are_seekers_by_default():
    assert User.objects.create_user(email="a@example.com").role == User.Role.SEEKER
