"""A generated news corpus for benchmarks: wire-style articles mixing event reports with the
background, economics, quotes and colour that make up most of a real article. Also the timing
helpers the speed benchmarks share: alternating runs and their medians."""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable

COUNTRIES = [
    ("Russia", "Russian"), ("Turkey", "Turkish"), ("Iran", "Iranian"), ("Israel", "Israeli"),
    ("Azerbaijan", "Azerbaijani"), ("Syria", "Syrian"), ("Greece", "Greek"), ("Egypt", "Egyptian"),
    ("France", "French"), ("Germany", "German"), ("China", "Chinese"), ("Ukraine", "Ukrainian"),
]  # fmt: skip
ROLES = ["foreign minister", "defense minister", "president", "prime minister", "ambassador", "military", "police"]
EVENTS = [
    "{a} {role} met his {b_adj} counterpart in {city} on {day}.",
    "{a} accused {b} of violating the ceasefire along the border.",
    "{a} imposed sanctions on {b} after the talks collapsed.",
    "The {a_adj} {role} visited {b} {ago}, officials said.",
    "{a} and {b} signed an agreement on energy cooperation.",
    "{a_adj} troops attacked {b_adj} positions near the border {ago}.",
    "{a} condemned the {b_adj} air strikes on {day}.",
    "{a} called on {b} to release the detained journalists.",
    "{a_adj} police arrested dozens of {b_adj} protesters in {city}.",
    "{a} expelled the {b_adj} ambassador on {day}.",
    "{a} rejected {b}'s proposal for new negotiations.",
    "{a} threatened {b} with new sanctions {ago}.",
]
FILLER = [
    "Analysts said the decision could affect markets across the region for several months.",
    "The currency fell by two percent in early trading, extending losses from the previous week.",
    "Heavy rain flooded several neighbourhoods, and schools were closed for the day.",
    "The company reported higher profits, driven by strong demand for its new products.",
    "Many residents said they were worried about rising prices for food and fuel.",
    "The museum reopened after a long renovation that lasted nearly three years.",
    "Traffic was slow on the main highway as workers repaired the damaged bridge.",
    "The local football team won its third match in a row on Saturday evening.",
    "Experts warned that the drought would hurt farmers in the southern provinces.",
    "The report, published by a research institute, runs to more than two hundred pages.",
    "Officials have not given a timetable, and the details remain unclear.",
    "Tourism has recovered strongly, with hotels in coastal towns reporting full bookings.",
    "The central bank left interest rates unchanged, citing uncertainty about inflation.",
    "A spokeswoman for the hospital said the patients were in stable condition.",
    "The new law takes effect next month after a long debate in parliament.",
    "Critics say the plan does too little to address the housing shortage.",
]
CITIES = ["Ankara", "Moscow", "Tehran", "Baku", "Jerusalem", "Damascus", "Athens", "Cairo", "Paris", "Berlin"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
AGO = ["three weeks ago", "last month", "last year", "two days ago", "earlier this month"]


def generate_articles(rng: random.Random, count: int, words: int) -> list[str]:
    return [_article(rng, words) for _ in range(count)]


def _article(rng: random.Random, words: int) -> str:
    sentences: list[str] = []
    total = 0
    while total < words:
        template = rng.choice(EVENTS) if rng.random() < 0.3 else rng.choice(FILLER)
        (a, a_adj), (b, b_adj) = rng.sample(COUNTRIES, 2)
        sentence = template.format(
            a=a, b=b, a_adj=a_adj, b_adj=b_adj, role=rng.choice(ROLES), city=rng.choice(CITIES),
            day=rng.choice(DAYS), ago=rng.choice(AGO),
        )  # fmt: skip
        sentences.append(sentence)
        total += len(sentence.split())
    paragraphs = [" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3)]
    return "\n\n".join(paragraphs)


def alternate(jobs: dict[str, Callable[[], object]], repeat: int) -> tuple[dict[str, list[float]], dict[str, object]]:
    """Run every job once per round, in order, for `repeat` rounds, so machine noise hits all alike.

    Returns each job's wall-clock times and the result of its last run."""
    times: dict[str, list[float]] = {name: [] for name in jobs}
    results: dict[str, object] = {}
    for _ in range(repeat):
        for name, job in jobs.items():
            start = time.perf_counter()
            results[name] = job()
            times[name].append(time.perf_counter() - start)
    return times, results


def print_medians(times: dict[str, list[float]], words: int) -> dict[str, float]:
    """One line per job: median seconds, words per second at the median, every run; the medians."""
    width = max(len(name) for name in times)
    medians = {name: statistics.median(runs) for name, runs in times.items()}
    for name, runs in times.items():
        med = medians[name]
        print(f"{name:<{width}}: median {med:.2f} s  ({words / med:,.0f} words/s)  runs {fmt_runs(runs)}")
    return medians


def fmt_runs(values: list[float]) -> str:
    return ", ".join(f"{v:.2f}" for v in values)
