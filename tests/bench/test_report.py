"""The benchmark's verdicts, its Markdown history and its ceiling page."""

from types import SimpleNamespace

import pytest
from django.test import override_settings

from bench import report
from bench.pages import Page, Result

ARGS = SimpleNamespace(label="", connections=8, seconds=10, warmup=3, workers=2)
DATASET = {"listings": 100, "live listings": 90, "applications": 1000, "postgres": "15.20"}


def _result(name, **figures):
    page_fields = {
        k: figures.pop(k) for k in ("budget_p95_ms", "budget_ceiling_share") if k in figures
    }
    defaults = {"status": 200, "rps": 1000.0, "p50_ms": 5.0, "p95_ms": 8.0, "queries_cold": 3}
    return Result(Page(name, "/x/", **page_fields), **(defaults | figures))


def _run(*results):
    return report.Run(
        results=[_result("ceiling", rps=2000.0), *results], args=ARGS, dataset=DATASET
    )


def test_a_page_within_its_budgets_is_met():
    run = _run(_result("jobs", budget_p95_ms=50, budget_ceiling_share=0.4, rps=900.0))
    assert run.verdicts(run.results[1]) == []


@pytest.mark.parametrize(
    ("figures", "missed"),
    [
        ({"p95_ms": 51.0}, "p95 ≥ 50 ms"),
        ({"rps": 700.0}, "< 40% of ceiling"),
        ({"queries_cold": 11}, "> 10 queries"),
        ({"seq_scans": ["listings_listing"]}, "seq scan on listings_listing"),
        ({"status": 500}, "status 500, 0 errors"),
    ],
)
def test_each_budget_can_be_missed(figures, missed):
    run = _run(_result("jobs", budget_p95_ms=50, budget_ceiling_share=0.4, **figures))
    assert missed in run.verdicts(run.results[1])


def test_deep_pages_may_cost_at_most_twice_the_first():
    run = _run(_result("jobs", p50_ms=5.0), _result("jobs page 200", p50_ms=10.5))
    assert "> 2× page 1" in run.verdicts(run.results[2])


def test_each_run_goes_on_top_and_earlier_runs_stay_in_the_history(tmp_path, db):
    output = tmp_path / "benchmarks.md"
    for label in ("first", "second", "third"):
        args = SimpleNamespace(**{**vars(ARGS), "label": label})
        report.write(report.Run(results=[_result("ceiling")], args=args, dataset=DATASET), output)

    text = output.read_text()
    latest, history = text.split(report.HISTORY)
    assert "third" in latest and "second" not in latest
    assert history.index("second") < history.index("first")
    assert text.count("## Latest run") == 1 and text.count("## History") == 1
    assert text.startswith("# Benchmarks")


@override_settings(ROOT_URLCONF="bench.urls")
def test_the_ceiling_page_goes_through_the_middleware(client):
    response = client.get("/bench/ceiling/")
    assert response.status_code == 200
    assert "Content-Security-Policy" in response
    assert b"Ceiling" in response.content


def test_the_site_itself_has_no_ceiling_page(client, db):
    assert client.get("/bench/ceiling/").status_code == 404
