"""Generated job seekers' profiles and CVs (the CV rows only: no files are written)."""

import datetime
import json
import uuid

from bench.dataset.loading import Ids, copy_rows
from bench.dataset.vocabulary import FIRST_NAMES, LAST_NAMES, NATIONALITY_WEIGHTED
from listings import demo_content


class SeekerRows:
    def _profiles_and_cvs(self, ids: Ids, seekers: list[int]) -> tuple[dict, dict]:
        """Profiles and one CV per seeker; returns the profile snapshot and CV id per seeker."""
        rng = self.rng
        levels = [self.levels[slug] for slug in ("jft-a2", "n5", "n4", "n3", "n2")]
        ssw_sectors = [self.sectors[slug] for slug in demo_content.SSW_SECTORS]
        profile_ids = ids.take("applicants_seekerprofile", len(seekers))
        cv_ids = ids.take("applicants_cv", len(seekers))
        snapshots, cvs, profiles, cv_rows, tests = {}, {}, [], [], []
        for seeker, profile, cv in zip(seekers, profile_ids, cv_ids, strict=True):
            name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
            nationality = rng.choice(NATIONALITY_WEIGHTED)
            in_japan = rng.random() < 0.2
            level = rng.choices(levels, weights=[3, 2, 4, 2, 1])[0]
            passed = rng.sample(ssw_sectors, k=rng.choice((0, 1, 1, 2)))
            profiles.append(
                (
                    profile,
                    name,
                    nationality,
                    "JP" if in_japan else nationality,
                    in_japan,
                    f"+{rng.randint(10, 99)} {rng.randint(10**8, 10**9 - 1)}",
                    rng.randint(2018, 2026),
                    rng.choice(("secondary", "vocational", "bachelor")),
                    "English",
                    "",
                    self.now,
                    self.statuses["technical-intern"].pk if in_japan else None,
                    level.pk,
                    seeker,
                )
            )
            tests.extend((profile, sector.pk) for sector in passed)
            snapshots[seeker] = json.dumps(
                {
                    "full_name": name,
                    "email": f"seeker{seeker}@scale.example",
                    "nationality": nationality,
                    "country_of_residence": "JP" if in_japan else nationality,
                    "in_japan": in_japan,
                    "japanese_level": level.name_en,
                    "skills_tests": [sector.name_en for sector in passed],
                    "experience": [],
                    "education": "",
                    "other_languages": "English",
                    "summary": "",
                },
                ensure_ascii=False,
            )
            cvs[seeker] = cv
            cv_rows.append(
                (
                    cv,
                    uuid.UUID(int=rng.getrandbits(128), version=4),
                    "CV",
                    f"cvs/scale/{cv}.pdf",
                    "cv.pdf",
                    ".pdf",
                    "application/pdf",
                    rng.randint(40_000, 900_000),
                    True,
                    self.now - datetime.timedelta(days=rng.randint(1, 400)),
                    seeker,
                )
            )
        copy_rows(
            "applicants_seekerprofile",
            (
                "id",
                "full_name",
                "nationality",
                "country_of_residence",
                "in_japan",
                "phone",
                "japanese_level_year",
                "education",
                "other_languages",
                "summary",
                "updated_at",
                "current_status_id",
                "japanese_level_id",
                "user_id",
            ),
            profiles,
        )
        through = ids.take("applicants_seekerprofile_skills_tests", len(tests))
        copy_rows(
            "applicants_seekerprofile_skills_tests",
            ("id", "seekerprofile_id", "sector_id"),
            ((pk, *pair) for pk, pair in zip(through, tests, strict=True)),
        )
        copy_rows(
            "applicants_cv",
            (
                "id",
                "uuid",
                "label",
                "file",
                "original_name",
                "extension",
                "content_type",
                "size",
                "is_default",
                "created_at",
                "owner_id",
            ),
            cv_rows,
        )
        return snapshots, cvs
