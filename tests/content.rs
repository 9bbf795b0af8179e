//! The bundled content as a merchant reads it: facts that were once wrong stay right, and
//! cross-references are links. One build of the bundled site serves every test here.

mod common;
use std::sync::OnceLock;

use common::{snapshot, Site};

fn site() -> &'static Site {
    static SITE: OnceLock<Site> = OnceLock::new();
    SITE.get_or_init(|| {
        let site = Site::bundled();
        let run = site.build();
        assert_eq!(run.code, 0, "{}", run.stderr);
        site
    })
}

fn page(rel: &str) -> String {
    site().read(&format!("public/{rel}index.html"))
}

/// The text of a page as a reader sees it, links removed: what is left is plain text.
fn text_outside_links(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(i) = rest.find("<a ") {
        out.push_str(&rest[..i]);
        rest = match rest[i..].find("</a>") {
            Some(j) => &rest[i + j + 4..],
            None => "",
        };
    }
    out.push_str(rest);
    out
}

#[test]
fn cross_references_are_links() {
    let mut plain = Vec::new();
    for (path, bytes) in snapshot(&site().path("public")) {
        if !path.ends_with(".html") {
            continue;
        }
        let text = text_outside_links(&String::from_utf8(bytes).unwrap());
        for pattern in ["见《", "见「", "”决策树", "见服务上架流程"] {
            if text.contains(pattern) {
                plain.push(format!("{path}: {pattern}"));
            }
        }
    }
    assert!(plain.is_empty(), "plain-text references: {plain:#?}");
    // The agency answer of the account-type tree leads somewhere.
    let agency = page("xhs-juguang/jg-account-type/jg-o-at-agency/");
    for href in [
        "href=\"../../../xhs-partner/xp-partner-onboarding/\"",
        "href=\"../../../xhs-partner/xp-approval/\"",
    ] {
        assert!(agency.contains(href), "{href} in {agency}");
    }
    let approval = page("xhs-partner/xp-approval/");
    assert!(approval.contains(
        "具体操作见<a href=\"../../xhs-partner/xp-partner-onboarding/#submit-basic-info\">合作伙伴平台入驻操作（效果代理商七个阶段）：提交基本信息申请表（支持电脑 / 手机）</a>。"
    ), "{approval}");
}

#[test]
fn the_application_checklist_says_which_materials_need_a_seal() {
    let html = page("xhs-partner/checklists/xp-checklist-application/");
    assert!(!html.contains("以下材料都要加盖公章"));
    assert!(html.contains("两个 excel 文件<strong>不需要盖章</strong>，打成一个压缩包"));
}

#[test]
fn the_partner_flow_warns_about_the_professional_account_login_line() {
    let html = page("xhs-partner/xp-partner-onboarding/");
    assert!(html.contains("这封邮件末尾写着“请使用小红书专业号登录”"));
    assert!(html.contains("<strong>不要为了登录去把这个账号认证成专业号</strong>"));
}

#[test]
fn the_trademark_tree_keeps_its_summary_and_the_one_level_rule() {
    let tree = page("xhs-juguang/jg-trademark/");
    assert!(!tree.contains("无论哪种情况"));
    assert!(tree.contains("账号名称没有用商标，则不需要商标材料"));
    let outcome = page("xhs-juguang/jg-trademark/jg-o-tm-foreign-company-foreign-applicant/");
    assert!(outcome.contains("认证最多接受一级总代授权，这一级从商标注册证上显示的注册公司算起"));
}

#[test]
fn the_step_seven_link_is_marked_as_an_inference() {
    let step7 = page("channels-shop/wx-restricted-access/");
    assert!(step7.contains("但没有说明它就是这一步的申请。本指南推测是同一个申请"));
    let rules = page("channels-shop/rules/");
    assert!(!rules.contains("还需在视频号助手提交特殊类目带货资质申请"));
}

/// `[](@id)` and `[](page.md#anchor)`: a link written without text shows the current title of
/// what it names, and follows a renamed title; an unknown id is an error at its column with
/// the closest id as a guess.
#[test]
fn a_link_without_text_shows_the_current_title() {
    let site = Site::fixture("minimal");
    site.edit(
        "guides/demo/flows/apply.yaml",
        "见 [常见问题](@demo-faq-time)。",
        "见 [](@demo-faq-time)、[](@demo-apply/review)、[](@demo-apply)。",
    );
    site.edit(
        "content/guide/a.md",
        "见 [第二篇](b.md#xi-jie)",
        "见 [](b.md)、[](b.md#xi-jie)、[](@demo-faq-deposit)",
    );
    assert_eq!(site.build().code, 0);
    let flow = site.read("public/demo/demo-apply/index.html");
    assert!(
        flow.contains(
            "见 <a href=\"../../demo/faq/demo-faq-time/\">审核要多久？</a>、<a href=\"../../demo/demo-apply/#review\">入驻申请：审核</a>、<a href=\"../../demo/demo-apply/\">入驻申请</a>。"
        ),
        "{flow}"
    );
    let a = site.read("public/guide/a/index.html");
    assert!(
        a.contains("见 <a href=\"../../guide/b/\">第二篇</a>、<a href=\"../../guide/b/#xi-jie\">细节</a>、<a href=\"../../demo/faq/demo-faq-deposit/\">保证金怎么交？</a>"),
        "{a}"
    );

    // Renaming the FAQ renames every link that shows its title.
    site.edit(
        "guides/demo/faq.yaml",
        "question: 审核要多久？",
        "question: 审核一般要几天？",
    );
    assert_eq!(site.build().code, 0);
    let flow = site.read("public/demo/demo-apply/index.html");
    assert!(flow.contains(">审核一般要几天？</a>、"), "{flow}");

    site.edit(
        "guides/demo/flows/apply.yaml",
        "[](@demo-faq-time)",
        "[](@demo-faq-tim)",
    );
    let run = site.check();
    run.assert_error(
        "error: guides/demo/flows/apply.yaml:11:18: link to an unknown id `@demo-faq-tim`",
    );
    assert!(
        run.stderr
            .contains("hint: did you mean `@demo-faq-time`? write @ followed by the id of a flow"),
        "{}",
        run.stderr
    );
    assert_eq!(run.code, 1);
}

/// The 视频号 rules state the requirements every 定向准入 category shares once; each row links
/// to them and shows only what differs.
#[test]
fn shared_rule_requirements_are_stated_once() {
    let html = page("channels-shop/rules/");
    let common = "上传的资料以所选类目在「类目资质」框中显示的要求为准";
    assert_eq!(html.matches(common).count(), 1, "{html}");
    assert!(html.contains("<section class=\"shared-req\" id=\"wx-req-restricted\" aria-labelledby=\"wx-req-restricted-h\">"));
    assert_eq!(
        html.matches(
            "<p class=\"shared-ref\">须满足「<a href=\"#wx-req-restricted\">定向准入类目的共同要求</a>」"
        )
        .count(),
        14
    );
    // The one category with more keeps its own requirements and its special FAQ's name.
    assert!(html.contains(
        "须满足「<a href=\"#wx-req-restricted\">定向准入类目的共同要求</a>」，另外：</p>"
    ));
    assert!(html.contains("不能用公司办公场所实景图代替实体店铺经营证明"));
    assert!(html.contains("专项答疑：《视频号橱窗·宠物生活类_定向准入类目_资质申请·常见答疑》"));
}

#[test]
fn a_shared_requirement_that_is_not_defined_is_located() {
    let site = Site::fixture("minimal");
    site.write(
        "guides/demo/rules.yaml",
        "shared:\n  - id: demo-req-license\n    title: 共同要求\n    text: 营业执照\nrules:\n  - id: demo-rule-food\n    category: 食品\n    shared: [demo-req-licence]\n  - id: demo-rule-toy\n    category: 玩具\n",
    );
    let run = site.check();
    run.assert_error(
        "error: guides/demo/rules.yaml:8:14: unknown shared requirement `demo-req-licence`",
    );
    assert!(
        run.stderr
            .contains("hint: did you mean `demo-req-license`?"),
        "{}",
        run.stderr
    );
    run.assert_error(
        "error: guides/demo/rules.yaml:10:15: the category `玩具` says nothing it requires",
    );
    assert_eq!(run.code, 1);

    site.edit(
        "guides/demo/rules.yaml",
        "[demo-req-licence]",
        "[demo-req-license]",
    );
    site.edit(
        "guides/demo/rules.yaml",
        "category: 玩具\n",
        "category: 玩具\n    requires: 3C 认证\n",
    );
    assert_eq!(site.build().code, 0);
    let html = site.read("public/demo/rules/index.html");
    assert!(
        html.contains("<h2 id=\"demo-req-license-h\">共同要求</h2>"),
        "{html}"
    );
    assert!(
        html.contains(
            "<p class=\"shared-ref\">须满足「<a href=\"#demo-req-license\">共同要求</a>」</p>"
        ),
        "{html}"
    );
}

/// A term means what its own platform says it means: 快手's 保证金 or 上架 is not 小红书's.
/// A platform's pages link only their own platform's terms, and content pages, which belong
/// to no platform, link none (the glossary page links each definition's own platform).
#[test]
fn a_glossary_term_is_linked_only_on_its_own_platforms_pages() {
    let guides = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("guides");
    let mut platform_of = std::collections::BTreeMap::new();
    for entry in std::fs::read_dir(&guides).unwrap() {
        let dir = entry.unwrap().path();
        let Ok(yaml) = std::fs::read_to_string(dir.join("glossary.yaml")) else {
            continue;
        };
        let platform = dir.file_name().unwrap().to_string_lossy().to_string();
        for line in yaml.lines() {
            if let Some(id) = line.trim().strip_prefix("- id: ") {
                platform_of.insert(id.to_string(), platform.clone());
            }
        }
    }
    assert!(
        platform_of.len() > 40,
        "terms of the bundled guides: {platform_of:?}"
    );
    let mut wrong = Vec::new();
    let mut linked = 0;
    for (path, bytes) in snapshot(&site().path("public")) {
        if !path.ends_with(".html") || path.starts_with("glossary/") {
            continue;
        }
        let html = String::from_utf8(bytes).unwrap();
        let folder = path.split('/').next().unwrap();
        for part in html.split("<a class=\"term\" href=\"").skip(1) {
            let href = part.split('"').next().unwrap();
            let id = href.rsplit('#').next().unwrap();
            linked += 1;
            if platform_of.get(id).map(String::as_str) != Some(folder) {
                wrong.push(format!("{path}: {href} ({:?})", platform_of.get(id)));
            }
        }
    }
    assert!(linked > 500, "only {linked} term links");
    assert!(
        wrong.is_empty(),
        "terms linked off their platform: {wrong:#?}"
    );
}

/// A glossary term is linked where a page first mentions it, not at every mention: on every
/// page of the bundled site (checklists and the glossary itself included), each term's link
/// appears at most once.
#[test]
fn a_glossary_term_is_linked_once_per_page() {
    let mut repeated = Vec::new();
    let mut linked_pages = 0;
    for (path, bytes) in snapshot(&site().path("public")) {
        if !path.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8(bytes).unwrap();
        let mut seen = std::collections::BTreeMap::<&str, usize>::new();
        for part in html.split("<a class=\"term\" href=\"").skip(1) {
            *seen.entry(part.split('"').next().unwrap()).or_default() += 1;
        }
        linked_pages += usize::from(!seen.is_empty());
        for (href, n) in seen.into_iter().filter(|(_, n)| *n > 1) {
            repeated.push(format!("{path}: {href} ×{n}"));
        }
    }
    assert!(linked_pages > 50, "only {linked_pages} pages link a term");
    assert!(
        repeated.is_empty(),
        "terms linked more than once: {repeated:#?}"
    );
}

/// A checklist says once per group which steps its materials are for; an item repeats only
/// the steps that are its own.
#[test]
fn checklists_say_what_a_group_is_for_once() {
    let html = page("xhs-partner/xp-approval/checklist/");
    assert_eq!(
        html.matches("class=\"meta group-used-by\"").count(),
        3,
        "{html}"
    );
    assert!(html.contains("<p class=\"meta group-used-by\">这些材料也用于：<a href=\"../../../xhs-partner/xp-partner-onboarding/#submit-application\">"));
    // Nine materials are prepared for step 3; two of them are used again later.
    let items = html.matches("class=\"check-item\"").count();
    let own = html.matches("class=\"meta used-by\"").count();
    assert_eq!((items, own), (11, 2), "{html}");
    assert!(
        !html.contains("用于：<a href=\"../../../xhs-partner/xp-approval/#submit-application\"")
    );
}

/// Every web and e-mail address a merchant reads can be tapped: no `http(s)://` outside a link in the
/// text of any built page (the printed-page footers, which carry the page's own address for
/// paper, aside).
#[test]
fn bare_urls_in_text_are_links() {
    let mut bare = Vec::new();
    for (path, bytes) in snapshot(&site().path("public")) {
        if !path.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8(bytes).unwrap();
        let mut text = String::new();
        let mut in_tag = false;
        let body = text_outside_links(&html);
        let body = body.split("<p class=\"print-only\">").next().unwrap();
        let body = match body.split_once("<footer class=\"print-footer\">") {
            Some((before, after)) => format!(
                "{before}{}",
                after.split_once("</footer>").map_or("", |(_, a)| a)
            ),
            None => body.to_string(),
        };
        for c in body.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                c if !in_tag => text.push(c),
                _ => {}
            }
        }
        if let Some(i) = text.find("http") {
            let at: String = text[i..].chars().take(50).collect();
            bare.push(format!("{path}: {at}"));
        }
    }
    assert!(
        bare.is_empty(),
        "addresses that cannot be tapped: {bare:#?}"
    );
    let flow = page("xhs-partner/xp-partner-onboarding/");
    assert!(flow.contains("<strong>小红书合作伙伴平台</strong>（<a href=\"https://partner.xiaohongshu.com/login\">https://partner.xiaohongshu.com/login</a>）"), "{flow}");
    // An e-mail address is a mailto: link that ends where the Chinese text goes on.
    let ks = page("kuaishou-service/ks-onboarding/");
    assert!(
        ks.contains(
            "<a href=\"mailto:open@kuaishou.com\">open@kuaishou.com</a>，一般 1-3 个工作日内回复"
        ),
        "{ks}"
    );
}
