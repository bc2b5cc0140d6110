"""Facilitator session plans as MyST Markdown (for the facilitator guide pages and handouts).

The plans are data (``content/sessions/chNN.yaml``); this module only lays them out, so the plan a
facilitator reads, the speaker notes in the slide deck and the handout all come from one source.
"""

from __future__ import annotations

from typing import Any

FORMAT_NAMES = {"solo": "on their own", "pairs": "in pairs", "threes": "in threes", "whole group": "as a whole group"}


def _minutes(n: int) -> str:
    return f"{n} minute{'s' if n != 1 else ''}"


def plan_markdown(plan: dict[str, Any]) -> str:
    """One timed plan: objectives, materials, the sequence with pause points, and the activity."""
    lines = ["**Objectives.**", ""]
    lines += [f"- {objective}" for objective in plan["objectives"]]
    lines += ["", "**Materials.**", ""]
    lines += [f"- {item}" for item in plan["materials"]] or ["- None beyond the slides."]
    lines += ["", "**Timed sequence.**", ""]
    clock = 0
    for step in plan["steps"]:
        start, clock = clock, clock + step["minutes"]
        marker = " ⏸ **Pause point.**" if step.get("pause") else ""
        lines.append(f"1. **{start}–{clock} min · {step['title']}.**{marker} {step['facilitator_notes']}")
        for question in step.get("questions", []):
            lines.append(f"   - *Ask:* {question}")
    activity = plan["activity"]
    lines += [
        "",
        f"**Group activity: {activity['title']}** ({_minutes(activity['minutes'])}, {FORMAT_NAMES[activity['format']]}).",
        "",
        activity["instructions"],
        "",
        f"*Total: {_minutes(clock + activity['minutes'])}, of which the activity takes "
        f"{_minutes(activity['minutes'])}. Fit the activity where the notes suggest, or straight after the last "
        "teaching step.*",
    ]
    return "\n".join(lines)


def plans_markdown(sessions: dict[str, Any]) -> str:
    """All three plans of a chapter, shortest first, each in a dropdown so the page stays scannable."""
    blocks = []
    for plan in sorted(sessions["plans"], key=lambda p: p["minutes"]):
        pauses = sum(1 for step in plan["steps"] if step.get("pause"))
        blocks.append(
            f"::::{{dropdown}} {plan['minutes']}-minute session ({pauses} pause point{'s' if pauses != 1 else ''})\n"
            f":open:\n\n{plan_markdown(plan)}\n::::"
        )
    return "\n\n".join(blocks)
