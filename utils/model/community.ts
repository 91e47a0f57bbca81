/**
 * What a weekly says of its community every issue: its name, its weekly's name and link, and the
 * standing paragraphs around the week's content. A template prints them (`community.*`); the SOFA
 * Weekly preset does, so another community's weekly sets its own here rather than forking it.
 * The defaults are SOFAStack's own words, as in shared/fixtures/sofa-weekly-2023-01-06.md, so the
 * preset stays faithful to its model until a community changes them. The no-break spaces (\u00a0)
 * are the seed's own.
 */
export const SOFASTACK_COMMUNITY = Object.freeze({
  name: 'SOFAStack',
  weekly: 'SOFA Weekly',
  link: 'https://github.com/sofastack',
  intro: `![图片](https://p3-juejin.byteimg.com/tos-cn-i-k3u1fbpfcp/1e08fca65f7643c783d33f590bb41d5a~tplv-k3u1fbpfcp-zoom-1.image)

**筛选每周精华问答，同步开源进展，欢迎留言互动～**

**SOFA**Stack（**S**calable\u00a0**O**pen\u00a0**F**inancial\u00a0**A**rchitecture Stack）是蚂蚁集团自主研发的金融级云原生架构，包含了构建金融级云原生架构所需的各个组件，包括微服务研发框架，RPC 框架，服务注册中心，分布式定时任务，限流/熔断框架，动态配置推送，分布式链路追踪，Metrics 监控度量，分布式高可用消息队列，分布式事务框架，分布式数据库代理层等组件，也是在金融场景里锤炼出来的最佳实践。

**SOFAStack 官网:**\u00a0*[https://www.sofastack.tech](https://www.sofastack.tech)*

**SOFAStack:** *[https://github.com/sofastack](https://github.com/sofastack)*`,
  issues: `欢迎大家在 GitHub 提交 issue 与我们互动

我们会筛选 issue 通过

" SOFA WEEKLY " 的形式回复`,
  closing: `欢迎扫码关注：

![图片](https://p3-juejin.byteimg.com/tos-cn-i-k3u1fbpfcp/e19d0a6d7f734ad6a585cde82ae4f3bf~tplv-k3u1fbpfcp-zoom-1.image)`,
});
