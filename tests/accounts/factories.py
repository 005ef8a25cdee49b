import factory
from allauth.account.models import EmailAddress

from accounts.models import User

TEST_PASSWORD = "correct-horse-battery-42"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.com")
    full_name = factory.Faker("name")
    role = User.Role.SEEKER
    password = factory.django.Password(TEST_PASSWORD)

    @factory.post_generation
    def verified_email(self, create, extracted, **kwargs):
        # Most tests need a usable account: allauth requires a verified address to log in.
        if create and extracted is not False:
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)


class SeekerFactory(UserFactory):
    role = User.Role.SEEKER


class EmployerFactory(UserFactory):
    role = User.Role.EMPLOYER


class StaffFactory(UserFactory):
    is_staff = True
    is_superuser = True
