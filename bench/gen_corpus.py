#!/usr/bin/env python3
"""Generate a synthetic Chinese merchant knowledge base for the benchmarks.

Usage: bench/gen_corpus.py --pages N --out DIR [--flavor plain|hugo] [--seed 7] [--per-section 25]

Every page is plain Markdown of the kind a help centre holds: YAML front matter (title,
description, weight, date, tags), an introduction, `##`/`###` sections, bullet and numbered
lists, a requirements table, bold words, links to other pages of the corpus (some to a heading
anchor), and on every seventh page a fenced code block (API payloads: JSON, YAML or shell).
Pages are 1.5-4.5 KB and grouped in section folders, each with an `_index.md`.

The same seed gives byte-identical files. A page's text depends only on the seed and its own
number, not on N (links point at pages below N), so a 1,000-page corpus is the first 1,000 pages
of the 10,000-page one.

Flavors (same page bodies, different scaffolding):
  plain  a guidepost site: DIR/site.yaml and DIR/content/<section>/{_index,page-NNNNNN}.md,
         links as relative `.md` paths.
  hugo   a Hugo site: DIR/hugo.toml, DIR/layouts/_default/{baseof,single,list}.html and
         DIR/content/... with the same front matter, links as Hugo's pretty URLs.
"""

import argparse
import os
import random
import shutil
import sys

PLATFORMS = ["小红书", "快手", "视频号小店", "抖音电商", "淘宝", "京东", "拼多多", "美团"]
TOPICS = [
    # (title phrase, tag); the phrases are what bench/search/queries.py searches for
    ("申请退还保证金", "保证金"), ("提交入驻申请", "入驻"), ("上传营业执照", "营业执照"),
    ("办理商标授权书", "商标"), ("选择经营类目", "类目"), ("绑定结算账户", "结算"),
    ("补充食品经营许可证", "食品"), ("处理审核驳回", "审核"), ("变更经营主体", "主体变更"),
    ("开通子账号权限", "子账号"), ("续签年度协议", "续签"), ("申请品牌旗舰店", "旗舰店"),
    ("开具技术服务费发票", "发票"), ("查询资质审核进度", "审核"), ("配置订单回调接口", "API"),
    ("申请跨境商家入驻", "跨境"), ("设置运费模板", "物流"), ("处理售后退款", "售后"),
    ("上传质检报告", "质检"), ("关闭店铺并清退", "退出"),
]
PREFIXES = ["", "", "如何", "详解", "一文读懂", "规则：", "常见问题：", "操作指南："]
SECTIONS = [
    "入驻准备", "资质与证照", "保证金与费用", "品牌与商标", "类目管理", "审核说明",
    "结算与发票", "店铺运营", "规则中心", "开放接口", "跨境经营", "售后与物流",
]
ROLES = ["商家", "店铺管理员", "法定代表人", "财务人员", "运营人员", "服务商", "品牌方", "平台审核员"]
ACTIONS = ["提交", "上传", "填写", "核对", "缴纳", "签署", "补充", "更新", "查询", "下载", "确认"]
THINGS = [
    "营业执照副本", "法定代表人身份证", "商标注册证", "品牌授权书", "对公账户信息", "开户许可证",
    "类目资质", "质检报告", "食品经营许可证", "入驻协议", "保证金缴纳凭证", "店铺名称",
    "结算账户", "一般纳税人证明", "进口报关单", "经营许可证", "发票抬头", "退货地址",
]
TIMES = ["1 个工作日内", "3 个工作日内", "5–7 个工作日", "当天", "24 小时内", "15 个自然日内"]
CLAUSES = [
    "否则审核会被驳回", "结果会通过站内信和短信通知", "以页面提示的最新要求为准",
    "材料需加盖公司公章", "图片需清晰完整、四角可见", "支持 PDF、JPG、PNG 格式，单个文件不超过 {mb} MB",
    "保证金为 {yuan} 元，审核通过后冻结", "技术服务费按成交额的 {pct}% 收取",
    "有效期需长于 {months} 个月", "可在商家后台「店铺 → 资质中心」查看", "逾期未处理的申请会自动关闭",
    "同一主体最多开通 {n} 家店铺", "授权链路需完整到品牌方", "可通过 Open API 查询处理状态",
]
OPENERS = ["", "", "通常，", "审核通过后，", "需要注意的是，", "按平台规则，", "如果材料不全，", "开店前，", "此外，"]
H2 = [("适用范围", "scope"), ("准备材料", "materials"), ("办理步骤", "steps"), ("审核与时效", "review"),
      ("费用说明", "fees"), ("常见问题", "faq"), ("注意事项", "notes"), ("相关规则", "rules")]
H3 = ["企业商家", "个体工商户", "个人商家", "跨境商家", "材料格式", "驳回原因", "补交方式",
      "退还条件", "特殊类目", "示例"]
TAGS = ["入驻", "资质", "保证金", "商标", "类目", "结算", "发票", "审核", "跨境", "物流", "售后",
        "API", "子账号", "规则", "违规", "续签", "食品", "美妆", "数码", "母婴"]
CODE = [
    "```json\n{{\n  \"shop_id\": \"S{a:08d}\",\n  \"category_id\": {b},\n  \"deposit\": {{ \"amount\": {c}, \"currency\": \"CNY\" }},\n"
    "  \"documents\": [\"license.pdf\", \"trademark.pdf\"],\n  \"status\": \"PENDING_REVIEW\"\n}}\n```",
    "```yaml\nshop:\n  id: S{a:08d}\n  name: 示例旗舰店\n  category: {b}\ndeposit:\n  amount: {c}\n  refundable: true\n```",
    "```bash\ncurl -s -X POST https://open.example.cn/v1/qualification \\\n  -H 'Authorization: Bearer $TOKEN' \\\n"
    "  -d '{{\"shop_id\": \"S{a:08d}\", \"category_id\": {b}}}'\n```",
]


class Corpus:
    def __init__(self, pages, per_section, seed):
        self.n, self.per, self.seed = pages, per_section, seed
        self.sections = (pages + per_section - 1) // per_section
        self.titles = [self._title(i) for i in range(pages)]

    def _rng(self, i, salt):
        return random.Random(f"{self.seed}:{salt}:{i}")

    def _title(self, i):
        r = self._rng(i, "title")
        phrase = r.choice(TOPICS)[0]
        return f"{r.choice(PREFIXES)}{r.choice(PLATFORMS)}{phrase}（{i + 1}）"

    def section_of(self, i):
        return i // self.per

    def sentence(self, r):
        clause = r.choice(CLAUSES).format(
            mb=r.choice([2, 5, 10, 20]), yuan=r.choice([2000, 5000, 10000, 20000, 50000]),
            pct=r.choice([0.6, 1, 2, 5]), months=r.choice([3, 6, 12]), n=r.randint(2, 10))
        s = f"{r.choice(OPENERS)}{r.choice(ROLES)}需要{r.choice(ACTIONS)}{r.choice(THINGS)}"
        if r.random() < 0.3:
            s += f"（{r.choice(['App ID', 'SKU', 'OpenAPI', 'KYC', 'webhook', 'PDF'])}）"
        return s + "，" + clause + "。"

    def link(self, r, src, fmt):
        dst = r.randrange(self.n - 1) if self.n > 1 else 0
        dst += dst >= src and self.n > 1  # never the page itself
        anchor = r.choice(H2[:3])[1] if r.random() < 0.3 else None
        return f"[{self.titles[dst]}]({fmt(src, dst, anchor)})"

    def paragraph(self, r, src, fmt, k):
        out = []
        for _ in range(k):
            s = self.sentence(r)
            x = r.random()
            if x < 0.2:
                w = r.choice(THINGS)
                s = s.replace(w, f"**{w}**", 1) if w in s else s
            elif x < 0.4:
                s = s[:-1] + "，参见" + self.link(r, src, fmt) + "。"
            out.append(s)
        return "".join(out)

    def body(self, i, fmt):
        """The Markdown after the front matter of page i."""
        r = self._rng(i, "body")
        target = r.randint(1400, 4200)
        heads = [H2[0], H2[1], H2[2]] + r.sample(H2[3:], 3)
        blocks = [self.paragraph(r, i, fmt, r.randint(2, 4))]
        for n, (h, anchor) in enumerate(heads):
            if n >= 3 and sum(len(b.encode()) for b in blocks) > target:
                break
            blocks.append(f"## {h} {{#{anchor}}}")
            if anchor == "materials":
                rows = ["| 材料 | 要求 | 办理时效 |", "| --- | --- | --- |"]
                for t in r.sample(THINGS, r.randint(3, 5)):
                    rows.append(f"| {t} | {self.sentence(r)[:-1]} | {r.choice(TIMES)} |")
                blocks.append("\n".join(rows))
            elif anchor == "steps":
                blocks.append("\n".join(f"{k + 1}. {r.choice(ACTIONS)}**{r.choice(THINGS)}**：{self.sentence(r)}"
                                        for k in range(r.randint(3, 6))))
            else:
                blocks.append(self.paragraph(r, i, fmt, r.randint(1, 3)))
                if r.random() < 0.5:
                    blocks.append(f"### {r.choice(H3)}")
                    blocks.append("\n".join("- " + (self.link(r, i, fmt) if r.random() < 0.25 else self.sentence(r))
                                            for _ in range(r.randint(2, 5))))
            if i % 7 == 3 and n == 2:
                blocks.append("示例请求：\n\n" + r.choice(CODE).format(
                    a=r.randrange(10 ** 8), b=r.randint(1000, 99999), c=r.choice([2000, 5000, 10000])))
        return "\n\n".join(blocks) + "\n"

    def front_matter(self, i):
        r = self._rng(i, "meta")
        date = f"{r.randint(2023, 2026)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}"
        tags = ", ".join(r.sample(TAGS, r.randint(2, 4)))
        desc = self.sentence(r)
        return (f"---\ntitle: \"{self.titles[i]}\"\ndescription: \"{desc}\"\n"
                f"weight: {i % self.per + 1}\ndate: {date}\ntags: [{tags}]\n---\n")

    def section_index(self, s):
        name = f"{SECTIONS[s % len(SECTIONS)]} {s + 1}"
        return (f"---\ntitle: \"{name}\"\nweight: {s + 1}\n---\n"
                f"本栏目收录{SECTIONS[s % len(SECTIONS)]}相关的规则说明与操作步骤，按办理顺序排列。\n")


def sec_name(s):
    return f"sec-{s:04d}"


def page_name(i):
    return f"page-{i:06d}"


def md_links(c):
    def fmt(src, dst, anchor):
        target = f"{page_name(dst)}.md" if c.section_of(src) == c.section_of(dst) \
            else f"../{sec_name(c.section_of(dst))}/{page_name(dst)}.md"
        return target + (f"#{anchor}" if anchor else "")
    return fmt


def hugo_links(c):
    def fmt(src, dst, anchor):
        return f"/{sec_name(c.section_of(dst))}/{page_name(dst)}/" + (f"#{anchor}" if anchor else "")
    return fmt


SITE_YAML = "title: 商家知识库（基准测试）\nbase_url: https://bench.example.cn/\nlanguage: zh-CN\n"
HUGO_TOML = """baseURL = "https://bench.example.cn/"
languageCode = "zh-cn"
title = "商家知识库（基准测试）"
hasCJKLanguage = true
disableKinds = ["RSS"]
[taxonomies]
tag = "tags"
"""
HUGO_BASEOF = """<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Title }} · {{ .Site.Title }}</title></head>
<body><nav><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a></nav>
<main>{{ block "main" . }}{{ end }}</main></body></html>
"""
HUGO_SINGLE = """{{ define "main" }}<article><h1>{{ .Title }}</h1>
<p>{{ .Date.Format "2006-01-02" }}{{ range .Params.tags }} <a href="{{ "tags/" | relURL }}{{ . | urlize }}/">{{ . }}</a>{{ end }}</p>
{{ .Content }}</article>{{ end }}
"""
HUGO_LIST = """{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}
<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
"""


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, required=True)
    ap.add_argument("--out", required=True, help="the site folder to create (replaced if present)")
    ap.add_argument("--flavor", choices=["plain", "hugo"], default="plain")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--per-section", type=int, default=25)
    a = ap.parse_args()
    if a.pages < 1 or a.per_section < 1:
        ap.error("--pages and --per-section must be at least 1")
    c = Corpus(a.pages, a.per_section, a.seed)
    if os.path.exists(a.out):
        shutil.rmtree(a.out)
    content = os.path.join(a.out, "content")
    if a.flavor == "plain":
        write(os.path.join(a.out, "site.yaml"), SITE_YAML)
        fmt = md_links(c)
    else:
        write(os.path.join(a.out, "hugo.toml"), HUGO_TOML)
        layouts = os.path.join(a.out, "layouts", "_default")
        write(os.path.join(layouts, "baseof.html"), HUGO_BASEOF)
        write(os.path.join(layouts, "single.html"), HUGO_SINGLE)
        write(os.path.join(layouts, "list.html"), HUGO_LIST)
        fmt = hugo_links(c)
    total = 0
    for s in range(c.sections):
        d = os.path.join(content, sec_name(s))
        write(os.path.join(d, "_index.md"), c.section_index(s))
        for i in range(s * c.per, min((s + 1) * c.per, c.n)):
            text = c.front_matter(i) + "\n" + c.body(i, fmt)
            write(os.path.join(d, page_name(i) + ".md"), text)
            total += len(text.encode())
    print(f"{c.n} pages in {c.sections} sections, {total / 1e6:.1f} MB of Markdown ({a.flavor}) -> {a.out}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
