"""HTML of the generated forms: one walk of the field specs over the section's values.

Every field's id comes from its path (``resources.people.0.name`` → ``f-resources-people-
0-name``), so a finding about ``resources.people[0].name`` links to it; the ids of every
field and list are collected as they are written (:attr:`FormRenderer.anchors`). Every
value is escaped (``format_html``); rows are added, removed and suggestions applied by
buttons the server answers (htmx), so the page needs no script of its own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from stratege.i18n import Lang
from stratege.i18n.catalogue import translator
from stratege.services.suggestions import Suggestion
from stratege.strategy.yamlio import format_path
from stratege.web.forms.labels import FORMAT, SHARE
from stratege.web.forms.posted import ROW, Rows
from stratege.web.forms.spec import SCALARS, Spec

Path = tuple[str | int, ...]
LONG_TEXT = 70  # characters: a longer text gets a text area


def name_of(path: Path) -> str:
    return ".".join(str(p) for p in path)


def id_of(path: Path) -> str:
    return "f-" + "-".join(str(p).replace(".", "-") for p in path)


class FormRenderer:
    """Writes the fields of some sections; ``ops_url`` answers the row and suggestion
    buttons; ``errors`` (by field name) and ``suggestions`` (by path) go beside fields."""

    def __init__(
        self,
        lang: Lang,
        ops_url: str,
        errors: Mapping[str, str] | None = None,
        suggestions: list[Suggestion] | None = None,
        focus: str = "",
    ) -> None:
        self._ = translator(lang)
        self.ops_url = ops_url
        self.errors = errors or {}
        self.suggestions: dict[Path, list[Suggestion]] = {}
        for suggestion in suggestions or []:
            self.suggestions.setdefault(tuple(suggestion.path), []).append(suggestion)
        self.focus = focus  # the path of a row just added: its first field gets the focus
        self.anchors: dict[str, str] = {}

    def sections(
        self, specs: Mapping[str, Spec], keys: tuple[str, ...], values: Mapping[str, Any]
    ) -> SafeString:
        parts = [self.field(specs[key], values.get(key), (key,)) for key in keys if key in specs]
        return mark_safe("".join(parts))

    def field(self, spec: Spec, value: Any, path: Path) -> SafeString:
        self.anchors[format_path(path)] = id_of(path)
        if spec.kind in SCALARS:
            return self._scalar(spec, value, path)
        written: SafeString = getattr(self, "_" + spec.kind)(spec, value, path)
        return written

    # --- containers ----------------------------------------------------------------------

    def _object(self, spec: Spec, value: Any, path: Path, legend: str = "") -> SafeString:
        values = value if isinstance(value, Mapping) else {}
        inner = mark_safe(
            "".join(self.field(p, values.get(p.name), (*path, p.name)) for p in spec.properties)
        )
        return format_html(
            '<fieldset class="group" id="{}"><legend>{}</legend>{}{}{}</fieldset>',
            id_of(path),
            legend or self._(spec.label),
            self._help(spec, path),
            self._suggestions(path),
            inner,
        )

    def _list(self, spec: Spec, value: Any, path: Path) -> SafeString:
        rows = list(value) if isinstance(value, list) else _single(value)
        origins = value.origins if isinstance(value, Rows) else list(range(len(rows)))
        assert spec.item is not None
        written = [
            self._row(spec, row, origin, (*path, i))
            for i, (row, origin) in enumerate(zip(rows, origins, strict=False))
        ]
        return format_html(
            '<fieldset class="rows" id="{}"><legend>{}</legend>{}{}{}{}</fieldset>',
            id_of(path),
            self._(spec.label),
            self._help(spec, path),
            self._suggestions(path),
            mark_safe("".join(written)),
            self._button(
                "add:" + name_of(path), self._("Add: {item}", item=self._(spec.row_label))
            ),
        )

    def _row(self, spec: Spec, row: Any, origin: int | None, path: Path) -> SafeString:
        item = spec.item
        assert item is not None
        number = int(path[-1]) + 1
        title = f"{self._(spec.row_label)} {number}"
        remove = self._button(
            "remove:" + name_of(path), self._("Remove: {item}", item=title), "remove"
        )
        marker = format_html(
            '<input type="hidden" name="{}" value="{}">',
            name_of((*path, ROW)),
            "" if origin is None else origin,
        )
        if item.kind == "object":
            named = _row_name(row)
            legend = f"{title} · {named}" if named else title
            body = self._object(item, row, path, legend)
            return format_html('<div class="row">{}{}{}</div>', marker, body, remove)
        if item.kind == "map":
            return format_html(
                '<div class="row">{}{}{}</div>', marker, self._map(item, row, path), remove
            )
        labelled = Spec(
            item.kind, label=title, options=item.options, minimum=item.minimum, maximum=item.maximum
        )
        self.anchors[format_path(path)] = id_of(path)
        return format_html(
            '<div class="row inline-row">{}{}{}</div>',
            marker,
            self._scalar(labelled, row, path, raw=True),
            remove,
        )

    def _choices(self, spec: Spec, value: Any, path: Path) -> SafeString:
        chosen = (
            [str(v) for v in value] if isinstance(value, list) else ([str(value)] if value else [])
        )
        options = list(spec.options) + [(v, v) for v in chosen if v not in dict(spec.options)]
        boxes = format_html_join(
            "",
            '<label class="choice">'
            '<input type="checkbox" name="{}" value="{}" id="{}"{}> {}</label>',
            (
                (
                    name_of(path),
                    option,
                    f"{id_of(path)}--{option}",
                    mark_safe(" checked") if option in chosen else "",
                    text,
                )
                for option, text in options
            ),
        )
        return format_html(
            '<fieldset class="choices" id="{}"{}><legend>{}</legend>{}{}{}</fieldset>',
            id_of(path),
            self._described(spec, path),
            self._(spec.label),
            self._help(spec, path),
            boxes,
            self._error(path),
        )

    def _map(self, spec: Spec, value: Any, path: Path) -> SafeString:
        entries = list(value.items()) if isinstance(value, Mapping) else []
        assert spec.key is not None and spec.item is not None
        rows = []
        word = self._(FORMAT)
        key_spec = Spec(spec.key.kind, label=word, options=spec.key.options)
        value_spec = Spec(
            spec.item.kind,
            label=self._(SHARE),
            minimum=spec.item.minimum,
            maximum=spec.item.maximum,
        )
        for index, (key, share) in enumerate(entries):
            at = (*path, index)
            self.anchors[format_path((*path, str(key)))] = id_of((*at, "value"))
            shown_key = "" if str(key).startswith("?") else key  # a row just added
            rows.append(
                format_html(
                    '<div class="row inline-row">{}{}{}{}</div>',
                    format_html('<input type="hidden" name="{}" value="">', name_of((*at, ROW))),
                    self._scalar(key_spec, shown_key, (*at, "key"), raw=True),
                    self._scalar(value_spec, share, (*at, "value"), raw=True),
                    self._button(
                        "remove:" + name_of(at),
                        self._("Remove: {item}", item=f"{word} {index + 1}"),
                        "remove",
                    ),
                )
            )
        return format_html(
            '<fieldset class="rows map" id="{}"><legend>{}</legend>{}{}{}{}</fieldset>',
            id_of(path),
            self._(spec.label),
            self._help(spec, path),
            self._suggestions(path),
            mark_safe("".join(rows)),
            self._button("add:" + name_of(path), self._("Add: {item}", item=word)),
        )

    def _kept(self, spec: Spec, value: Any, path: Path) -> SafeString:
        if value is None or value == {}:
            return SafeString("")
        return format_html(
            '<p class="kept muted" id="{}">{}</p>',
            id_of(path),
            self._("{field}: edited in the YAML text (advanced).", field=self._(spec.label)),
        )

    # --- scalars -------------------------------------------------------------------------

    def _scalar(self, spec: Spec, value: Any, path: Path, raw: bool = False) -> SafeString:
        field_id = id_of(path)
        label = spec.label if raw else self._(spec.label)
        mark = mark_safe('<span aria-hidden="true"> *</span>') if spec.required else ""
        if spec.kind == "boolean":
            checked = mark_safe(" checked") if value is True else ""
            widget = format_html(
                '<input type="checkbox" id="{}" name="{}"{}>', field_id, name_of(path), checked
            )
            return format_html(
                '<div class="field check">{} <label for="{}">{}</label>{}</div>',
                widget,
                field_id,
                label,
                self._error(path),
            )
        attributes = self._attributes(spec, path)
        widget = self._widget(spec, value, path, attributes)
        return format_html(
            '<div class="field"><label for="{}">{}{}</label>{}{}{}</div>',
            field_id,
            label,
            mark,
            widget,
            self._help(spec, path),
            self._error(path),
        )

    def _widget(self, spec: Spec, value: Any, path: Path, attributes: SafeString) -> SafeString:
        shown = _shown(value)
        field_id, name = id_of(path), name_of(path)
        if spec.kind == "select":
            options = list(spec.options)
            if shown and shown not in dict(options):
                options.append((shown, shown))
            choices = format_html_join(
                "",
                '<option value="{}"{}>{}</option>',
                ((v, mark_safe(" selected") if v == shown else "", t) for v, t in options),
            )
            empty = format_html('<option value="">{}</option>', self._("(none)"))
            return format_html(
                '<select id="{}" name="{}"{}>{}{}</select>',
                field_id,
                name,
                attributes,
                empty,
                choices,
            )
        if spec.kind == "text" and ("\n" in shown or len(shown) > LONG_TEXT):
            return format_html(
                '<textarea id="{}" name="{}" rows="3"{}>{}</textarea>',
                field_id,
                name,
                attributes,
                shown,
            )
        kind = {"number": "number", "integer": "number", "date": "date"}.get(spec.kind, "text")
        if kind == "date" and not _is_date(value):
            kind = "text"  # a bad value typed earlier is shown as it was, to correct
        return format_html(
            '<input type="{}" id="{}" name="{}" value="{}"{}>',
            kind,
            field_id,
            name,
            shown,
            attributes,
        )

    def _attributes(self, spec: Spec, path: Path) -> SafeString:
        parts = []
        if spec.kind in ("number", "integer"):
            parts.append(format_html(' step="{}"', "1" if spec.kind == "integer" else "any"))
            for bound in ("minimum", "maximum"):
                limit = getattr(spec, bound)
                if limit is not None:
                    parts.append(format_html(' {}="{}"', bound[:3], _shown(limit)))
        if spec.required:
            parts.append(mark_safe(" required"))
        name = name_of(path)
        if self.focus and (name == self.focus or name.startswith(self.focus + ".")):
            parts.append(mark_safe(" autofocus"))
            self.focus = ""  # only the row's first field
        parts.append(self._described(spec, path))
        return mark_safe("".join(parts))

    def _described(self, spec: Spec, path: Path) -> SafeString:
        ids = ([id_of(path) + "-help"] if spec.help else []) + (
            [id_of(path) + "-error"] if name_of(path) in self.errors else []
        )
        invalid = mark_safe(' aria-invalid="true"') if name_of(path) in self.errors else ""
        return (
            format_html(' aria-describedby="{}"{}', " ".join(ids), invalid)
            if ids
            else SafeString("")
        )

    def _help(self, spec: Spec, path: Path) -> SafeString:
        if not spec.help:
            return SafeString("")
        return format_html(
            '<p class="help muted" id="{}-help">{}</p>', id_of(path), self._(spec.help)
        )

    def _error(self, path: Path) -> SafeString:
        message = self.errors.get(name_of(path))
        if not message:
            return SafeString("")
        return format_html(
            '<p class="field-error error" id="{}-error">{}</p>', id_of(path), message
        )

    def _suggestions(self, path: Path) -> SafeString:
        found = self.suggestions.get(path, [])
        return format_html_join(
            "",
            '<div class="suggestion"><p>{}</p>{}</div>',
            (
                (
                    s.text,
                    self._button("apply:" + s.key, self._("Apply the suggestion")) if s.key else "",
                )
                for s in found
            ),
        )

    def _button(self, op: str, text: str, css: str = "secondary") -> SafeString:
        return format_html(
            '<button type="button" class="{}" name="op" value="{}"'
            ' hx-post="{}" hx-target="#section-fields" hx-swap="outerHTML">{}</button>',
            css,
            op,
            self.ops_url,
            text,
        )


def _single(value: Any) -> list[Any]:
    """A single value standing for a one-element list (``accountable: julie``)."""
    return [] if value is None or isinstance(value, Mapping) else [value]


def _row_name(row: Any) -> str:
    """What names a row in its legend (its name, id, channel or activity)."""
    if not isinstance(row, Mapping):
        return ""
    for key in ("name", "id", "channel", "activity", "platform", "start"):
        if row.get(key) not in (None, ""):
            return str(row[key])
    return ""


def _shown(value: Any) -> str:
    if value is None or isinstance(value, Mapping | list):
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _is_date(value: Any) -> bool:
    return value is None or value == "" or isinstance(value, dt.date)
