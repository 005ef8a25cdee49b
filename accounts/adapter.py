"""allauth adapter: stores the role chosen at sign-up in the same save as the user."""

from allauth.account.adapter import DefaultAccountAdapter


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        role = form.cleaned_data.get("role")
        if role:
            user.role = role
        if commit:
            user.save()
        return user
