"""Loads the course's data files (exercises, chapters, session plans) and checks them against schemas.

Everything a chapter, slide deck or handout shows about an exercise or a chapter's key points
comes from here, so the media cannot drift apart. Errors name the file and the offending entry.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import fastjsonschema
import yaml

from .exercise_model import (
    Choice,
    Dimension,
    Exercise,
    KnowledgeCheck,
    Question,
    Reflection,
    Region,
    Relationship,
    SelfCheck,
    SelfCheckItem,
    Vignette,
)


class ContentError(ValueError):
    """A data file is missing, malformed or inconsistent; the message names the file and entry."""


@dataclass(frozen=True)
class ReadingEntry:
    key: str
    note: str


@dataclass(frozen=True)
class Chapter:
    """The facts about a chapter that several media share (pages, slides, handouts)."""

    id: str
    title: str
    objectives: tuple[str, ...]
    key_points: tuple[str, ...]
    further_reading: tuple[ReadingEntry, ...]
    figures: tuple[str, ...]
    discussion_questions: tuple[str, ...]

    @property
    def number(self) -> int:
        return int(self.id[2:])


def _content_dir(kind: str):
    return resources.files("attachment_course").joinpath("content").joinpath(kind)


@cache
def _validator(name: str):
    """A compiled validator (fastjsonschema: quick to import, which keeps notebooks starting fast)."""
    text = resources.files("attachment_course").joinpath("schemas").joinpath(f"{name}.schema.json").read_text("utf-8")
    return fastjsonschema.compile(json.loads(text))


def _load_yaml_files(kind: str, schema_name: str) -> list[tuple[str, Any]]:
    validate = _validator(schema_name)
    loaded = []
    for path in sorted(_content_dir(kind).iterdir(), key=lambda p: p.name):
        if not path.name.endswith(".yaml"):
            continue
        where = f"content/{kind}/{path.name}"
        try:
            data = yaml.safe_load(path.read_text("utf-8"))
        except yaml.YAMLError as error:
            raise ContentError(f"{where}: not valid YAML: {error}") from error
        try:
            validate(data)
        except fastjsonschema.JsonSchemaValueException as error:
            raise ContentError(f"{where}: {error.message}") from error
        loaded.append((where, data))
    return loaded


def _choice(raw: dict[str, Any]) -> Choice:
    return Choice(
        id=raw["id"],
        text=raw["text"],
        feedback=raw["feedback"],
        correct=raw.get("correct", False),
        approach=raw.get("approach"),
    )


def _unique_ids(where: str, owner: str, ids: list[str]) -> None:
    seen = set()
    for value in ids:
        if value in seen:
            raise ContentError(f"{where}: {owner}: the id {value!r} is used twice")
        seen.add(value)


def _exercise(where: str, raw: dict[str, Any]) -> Exercise:
    kind = raw["kind"]
    if kind == "reflection":
        return Reflection(
            id=raw["id"],
            title=raw["title"],
            prompt=raw["prompt"],
            guidance=raw.get("guidance"),
            print_lines=raw.get("print_lines", 8),
        )
    if kind == "knowledge-check":
        questions = []
        for q in raw["questions"]:
            options = tuple(_choice(o) for o in q["options"])
            _unique_ids(where, f"{raw['id']}/{q['id']}", [o.id for o in options])
            question = Question(id=q["id"], text=q["text"], options=options, multiple=q.get("multiple", False))
            if not question.correct_ids:
                raise ContentError(f"{where}: {raw['id']}/{q['id']}: no option is marked correct")
            if not question.multiple and len(question.correct_ids) > 1:
                raise ContentError(
                    f"{where}: {raw['id']}/{q['id']}: several options are correct but 'multiple' is not true"
                )
            questions.append(question)
        _unique_ids(where, raw["id"], [q.id for q in questions])
        return KnowledgeCheck(id=raw["id"], title=raw["title"], questions=tuple(questions))
    if kind == "vignette":
        options = tuple(_choice(o) for o in raw["options"])
        _unique_ids(where, raw["id"], [o.id for o in options])
        return Vignette(
            id=raw["id"],
            title=raw["title"],
            scenario=raw["scenario"],
            question=raw["question"],
            options=options,
            takeaway=raw["takeaway"],
        )
    return _self_check(where, raw)


def _self_check(where: str, raw: dict[str, Any]) -> SelfCheck:
    scale = raw["scale"]
    dimensions = tuple(Dimension(**d) for d in raw["dimensions"])
    dimension_ids = {d.id for d in dimensions}
    items = tuple(SelfCheckItem(**i) for i in raw["items"])
    _unique_ids(where, raw["id"], [i.id for i in items])
    for item in items:
        if item.dimension not in dimension_ids:
            raise ContentError(f"{where}: {raw['id']}/{item.id}: unknown dimension {item.dimension!r}")
    if dimension_ids != {"anxiety", "avoidance"}:
        raise ContentError(f"{where}: {raw['id']}: the dimensions must be 'anxiety' and 'avoidance'")
    regions = tuple(Region(**r) for r in raw["regions"])
    corners = {(r.anxiety, r.avoidance) for r in regions}
    if len(corners) != 4:
        raise ContentError(f"{where}: {raw['id']}: the four regions must cover the four low/high corners once each")
    return SelfCheck(
        id=raw["id"],
        title=raw["title"],
        introduction=raw["introduction"],
        scale_minimum=scale["minimum"],
        scale_maximum=scale["maximum"],
        scale_labels={int(k): v for k, v in scale["labels"].items()},
        relationships=tuple(Relationship(**r) for r in raw["relationships"]),
        dimensions=dimensions,
        items=items,
        regions=regions,
        caveats=tuple(raw["caveats"]),
        further=tuple(raw.get("further", ())),
    )


@cache
def exercises() -> dict[str, Exercise]:
    """Every exercise in the course, by id, in file order."""
    found: dict[str, Exercise] = {}
    for where, data in _load_yaml_files("exercises", "exercises"):
        for raw in data["exercises"]:
            if raw["id"] in found:
                raise ContentError(f"{where}: the exercise id {raw['id']!r} is already defined")
            found[raw["id"]] = _exercise(where, raw)
    titles: dict[str, str] = {}
    for exercise_id, item in found.items():
        # Titles name the exercises in print, in the answer keys and to screen readers: keep them apart.
        if item.title in titles:
            raise ContentError(f"{exercise_id} and {titles[item.title]} share the title {item.title!r}")
        titles[item.title] = exercise_id
    return found


def exercise(exercise_id: str) -> Exercise:
    """Return one exercise by id; an unknown id gets a message listing close matches."""
    known = exercises()
    if exercise_id not in known:
        import difflib

        close = difflib.get_close_matches(exercise_id, known, n=3)
        hint = f" Did you mean: {', '.join(close)}?" if close else ""
        raise KeyError(f"No exercise has the id {exercise_id!r}.{hint}")
    return known[exercise_id]


@cache
def chapters() -> dict[str, Chapter]:
    """Every chapter's shared facts, by id (ch01 …)."""
    found: dict[str, Chapter] = {}
    for where, data in _load_yaml_files("chapters", "chapter"):
        expected = where.rsplit("/", 1)[-1].removesuffix(".yaml")
        if data["id"] != expected:
            raise ContentError(f"{where}: its id is {data['id']!r} but the file name says {expected!r}")
        found[data["id"]] = Chapter(
            id=data["id"],
            title=data["title"],
            objectives=tuple(data["objectives"]),
            key_points=tuple(data["key_points"]),
            further_reading=tuple(ReadingEntry(**entry) for entry in data["further_reading"]),
            figures=tuple(data["figures"]),
            discussion_questions=tuple(data["discussion_questions"]),
        )
    return found


def chapter(chapter_id: str) -> Chapter:
    known = chapters()
    if chapter_id not in known:
        raise KeyError(f"No chapter has the id {chapter_id!r}; known: {', '.join(known) or 'none'}")
    return known[chapter_id]


@cache
def session_plans() -> dict[str, dict[str, Any]]:
    """Facilitator session plans by chapter id, checked for timing and pause points."""
    found: dict[str, dict[str, Any]] = {}
    for where, data in _load_yaml_files("sessions", "sessions"):
        expected = where.rsplit("/", 1)[-1].removesuffix(".yaml")
        if data["chapter"] != expected:
            raise ContentError(f"{where}: its chapter is {data['chapter']!r} but the file name says {expected!r}")
        lengths = sorted(plan["minutes"] for plan in data["plans"])
        if lengths != [15, 30, 60]:
            raise ContentError(f"{where}: needs one plan each of 15, 30 and 60 minutes, found {lengths}")
        for plan in data["plans"]:
            total = sum(step["minutes"] for step in plan["steps"]) + plan["activity"]["minutes"]
            if total != plan["minutes"]:
                raise ContentError(
                    f"{where}: the {plan['minutes']}-minute plan's steps and activity add up to {total} minutes"
                )
            if not any(step.get("pause") and step.get("questions") for step in plan["steps"]):
                raise ContentError(f"{where}: the {plan['minutes']}-minute plan has no pause point with questions")
        found[data["chapter"]] = data
    return found
