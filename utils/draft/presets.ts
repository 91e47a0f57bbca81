/**
 * The templates that ship with the extension. A template's control tags sit on lines of their own,
 * between the blank lines Markdown needs, so a section that is left out leaves exactly one blank
 * line behind and the output needs no whitespace trimming.
 */
import { DEFAULT_TEMPLATE_ID, type TemplateDefinition } from '../model';

/**
 * One clip in the seed's layout, shared by both presets (DESIGN.md, "The draft's Markdown"). Its
 * header (`**1. @dengqian #2203**`) stays plain text even where references are expanded: the seed,
 * published on a website, prints it so and links the project on the line below; expansion is for
 * the references inside the clips' Markdown. The editor's note, when there is one, is a paragraph
 * of its own before the project line; it is printed as written, so the editor words it ("编者按：…")
 * as the weekly does.
 */
const ENTRIES = `{% for clip in clips %}
**{{ clip.index }}. @{{ clip.author }} #{{ clip.number }}**

{{ clip.question.markdown | quote }}
{% if clip.answer %}
{{ clip.answer.markdown | answer }}
{% endif %}
{% if clip.note != blank %}{{ clip.note }}

{% endif %}**「{{ clip.project.name }}」**：*[{{ clip.project.link }}]({{ clip.project.link }})*
{% endfor %}`;

const WEEKLY_DIGEST = `# {{ draft.title }}

_{{ draft.date }}_
{% if draft.intro != blank %}
{{ draft.intro }}
{% endif %}
**{{ count }} {% if count == 1 %}question{% else %}questions{% endif %} answered this week**
${ENTRIES}{% if draft.outro != blank %}
{{ draft.outro }}
{% endif %}`;

/**
 * SOFA Weekly, as in shared/fixtures/sofa-weekly-2023-01-06.md. What a community says every week
 * comes from its fields in the options (`community`: its name, its weekly's name and link, and
 * the standing paragraphs, SOFAStack's until changed); what changes comes from the draft: its
 * title, its date (published at 15:00 in UTC+8, as SOFA Weekly is), its intro's text (after the
 * standing introduction), its intro's parts `cover` (the cover image's URL), `contributions` (the
 * week's contributions picture) and `reading` (the recommended articles), and its outro (before the
 * standing closing). A missing part leaves a TODO that says how to add it.
 */
const SOFA_WEEKLY = `---
title: {{ draft.title | yaml }}
authorlink: {{ community.link | yaml }}
description: {{ draft.title | yaml }}
categories: {{ community.weekly | yaml }}
tags: [{{ community.weekly | yaml }}]
date: {{ draft.date }}T15:00:00+08:00
cover: {% if draft.parts.cover != blank %}{{ draft.parts.cover | json }}{% else %}""  # TODO：在草稿引言中加一行 <!-- cover -->，下一行写封面图地址{% endif %}
---

## {{ community.weekly | upcase }} | 每周精选
{% if community.intro != blank %}
{{ community.intro }}
{% endif %}{% if draft.intro != blank %}
{{ draft.intro }}
{% endif %}
### {{ community.name }} 社区本周贡献

{% if draft.parts.contributions != blank %}{{ draft.parts.contributions }}{% else %}**TODO：本周贡献图。** 在草稿引言中加一行 \`<!-- contributions -->\`，在它下面写图片的 Markdown。{% endif %}

### {{ community.name }} GitHub issue 精选

**本周各项目回复 issue 共计 {{ count }} 条**
{% if community.issues != blank %}
{{ community.issues }}
{% endif %}${ENTRIES}
### 本周推荐阅读

{% if draft.parts.reading != blank %}{{ draft.parts.reading }}{% else %}**TODO：本周推荐阅读。** 在草稿引言中加一行 \`<!-- reading -->\`，在它下面写文章链接。{% endif %}
{% if draft.outro != blank %}
{{ draft.outro }}
{% endif %}{% if community.closing != blank %}
{{ community.closing }}
{% endif %}`;

export const PRESETS: readonly TemplateDefinition[] = Object.freeze([
  { id: DEFAULT_TEMPLATE_ID, name: 'Weekly digest', source: WEEKLY_DIGEST, links: 'shorthand' },
  // Published on a website and on WeChat, where GitHub's shorthand links nowhere.
  { id: 'sofa-weekly', name: 'SOFA Weekly', source: SOFA_WEEKLY, links: 'expanded' },
]);

/** The presets, then the user's templates: the options of the popup's `Template` select. */
export function listTemplates(userTemplates: readonly TemplateDefinition[]): TemplateDefinition[] {
  return [...PRESETS, ...userTemplates];
}

/** The template with `id`; the default preset when it no longer exists (say, the user deleted it). */
export function findTemplate(id: string, userTemplates: readonly TemplateDefinition[]): TemplateDefinition {
  const found = listTemplates(userTemplates).find((template) => template.id === id);
  return found ?? (PRESETS.find((template) => template.id === DEFAULT_TEMPLATE_ID) as TemplateDefinition); // the default is always among the presets
}
