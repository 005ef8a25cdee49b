"""Generated accounts: employers who own the companies, and job seekers."""

import datetime

from bench.dataset.loading import Ids, copy_rows


class AccountRows:
    def _users(self, ids: Ids, count: int, role: str, email: str) -> list[int]:
        user_ids = list(ids.take("accounts_user", count))
        languages = ("en", "ja") if role == "employer" else ("en", "en", "ur", "ja")
        rows = (
            (
                pk,
                self.password,
                False,
                False,
                True,
                self.now - datetime.timedelta(days=self.rng.randint(1, 900)),
                email.format(n=pk),
                "",
                role,
                self.rng.choice(languages),
            )
            for pk in user_ids
        )
        copy_rows(
            "accounts_user",
            (
                "id",
                "password",
                "is_superuser",
                "is_staff",
                "is_active",
                "date_joined",
                "email",
                "full_name",
                "role",
                "preferred_language",
            ),
            rows,
        )
        return user_ids
