"""The ``[markup]`` configuration section: what a content repo's markup holds.

    [markup]
    front-matter = { kicker = "standfirst", description = "" }  # add a field, drop one
    code-shortcodes = ["terminal"]                              # paired, content is code
    shortcode-prose-params = { card = ["title", "caption"] }    # parameters that are captions
    jsx-prose-props = ["title", "alt", "caption", "description"]
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from ..document import SCOPES
from .frontmatter import PROSE_FIELDS
from .mdx import PROSE_PROPS
from .templates import CODE_SHORTCODES, PROSE_PARAMS, Syntax


@dataclass(frozen=True)
class MarkupOptions:
    front_matter: dict = field(default_factory=dict)
    code_shortcodes: tuple[str, ...] = ()
    shortcode_prose_params: dict = field(default_factory=dict)
    jsx_prose_props: tuple[str, ...] = PROSE_PROPS

    def problems(self) -> list[str]:
        out = []
        for key, scope in self.front_matter.items():
            if scope != "" and scope not in SCOPES:
                out.append(f"front-matter.{key} must be one of {', '.join(SCOPES)} (or \"\" to drop it), got {scope!r}")
        for name, params in self.shortcode_prose_params.items():
            if not isinstance(params, list) or not all(isinstance(p, str) for p in params):
                out.append(f"shortcode-prose-params.{name} must be a list of parameter names")
        return out

    @cached_property
    def fields(self) -> dict[str, str]:
        merged = {**PROSE_FIELDS, **{k.lower(): v for k, v in self.front_matter.items()}}
        return {k: v for k, v in merged.items() if v}

    @cached_property
    def syntax(self) -> Syntax:
        params = {**PROSE_PARAMS, **{k.lower(): tuple(p.lower() for p in v)
                                     for k, v in self.shortcode_prose_params.items()}}
        return Syntax(CODE_SHORTCODES | {c.lower() for c in self.code_shortcodes}, tuple(params.items()))
