"""Account views that extend allauth's."""

from allauth.account.views import SignupView as AllauthSignupView

from accounts.models import User


class SignupView(AllauthSignupView):
    """allauth's sign-up, with the role pre-selected by ?role= (the "For employers" link)."""

    def get_initial(self):
        initial = super().get_initial()
        role = self.request.GET.get("role")
        initial["role"] = role if role in User.Role.values else User.Role.SEEKER
        return initial


signup = SignupView.as_view()
