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
 * the references inside the clips' Markdown.
 */
const ENTRIES = `{% for clip in clips %}
**{{ clip.index }}. @{{ clip.author }} #{{ clip.number }}**

{{ clip.question.markdown | quote }}
{% if clip.answer %}
{{ clip.answer.markdown | answer }}
{% endif %}
**「{{ clip.project.name }}」**：*[{{ clip.project.link }}]({{ clip.project.link }})*
{% endfor %}`;

const WEEKLY_DIGEST = `# {{ draft.title }}

_{{ draft.date }}_
{% if draft.intro != blank %}
{{ draft.intro }}
{% endif %}
**{{ count }} {% if count == 1 %}question{% else %}questions{% endif %} answered this week**
${ENTRIES}`;

/**
 * SOFA Weekly, as in shared/fixtures/sofa-weekly-2023-01-06.md. What is the same every week is
 * written here; what changes comes from the draft: its title, its date (published at 15:00 in
 * UTC+8, as SOFA Weekly is), its intro's text (after the fixed introduction), and its intro's parts
 * `cover` (the cover image's URL), `contributions` (the week's contributions picture) and `reading`
 * (the recommended articles). A missing part leaves a TODO that says how to add it. The no-break
 * spaces (\u00a0) in the fixed introduction are the seed's own.
 */
const SOFA_WEEKLY = `---
title: {{ draft.title | yaml }}
authorlink: "https://github.com/sofastack"
description: {{ draft.title | yaml }}
categories: "SOFA Weekly"
tags: ["SOFA Weekly"]
date: {{ draft.date }}T15:00:00+08:00
cover: {% if draft.parts.cover != blank %}{{ draft.parts.cover | json }}{% else %}""  # TODO：在草稿引言中加一行 <!-- cover -->，下一行写封面图地址{% endif %}
---

## SOFA WEEKLY | 每周精选

![图片](https://p3-juejin.byteimg.com/tos-cn-i-k3u1fbpfcp/1e08fca65f7643c783d33f590bb41d5a~tplv-k3u1fbpfcp-zoom-1.image)

**筛选每周精华问答，同步开源进展，欢迎留言互动～**

**SOFA**Stack（**S**calable\u00a0**O**pen\u00a0**F**inancial\u00a0**A**rchitecture Stack）是蚂蚁集团自主研发的金融级云原生架构，包含了构建金融级云原生架构所需的各个组件，包括微服务研发框架，RPC 框架，服务注册中心，分布式定时任务，限流/熔断框架，动态配置推送，分布式链路追踪，Metrics 监控度量，分布式高可用消息队列，分布式事务框架，分布式数据库代理层等组件，也是在金融场景里锤炼出来的最佳实践。

**SOFAStack 官网:**\u00a0*[https://www.sofastack.tech](https://www.sofastack.tech)*

**SOFAStack:** *[https://github.com/sofastack](https://github.com/sofastack)*
{% if draft.intro != blank %}
{{ draft.intro }}
{% endif %}
### SOFAStack 社区本周贡献

{% if draft.parts.contributions != blank %}{{ draft.parts.contributions }}{% else %}**TODO：本周贡献图。** 在草稿引言中加一行 \`<!-- contributions -->\`，在它下面写图片的 Markdown。{% endif %}

### SOFAStack GitHub issue 精选

**本周各项目回复 issue 共计 {{ count }} 条**

欢迎大家在 GitHub 提交 issue 与我们互动

我们会筛选 issue 通过

" SOFA WEEKLY " 的形式回复
${ENTRIES}
### 本周推荐阅读

{% if draft.parts.reading != blank %}{{ draft.parts.reading }}{% else %}**TODO：本周推荐阅读。** 在草稿引言中加一行 \`<!-- reading -->\`，在它下面写文章链接。{% endif %}

欢迎扫码关注：

![图片](https://p3-juejin.byteimg.com/tos-cn-i-k3u1fbpfcp/e19d0a6d7f734ad6a585cde82ae4f3bf~tplv-k3u1fbpfcp-zoom-1.image)
`;

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
