# guidepost's English messages (with LANG=en* or --lang en). Same ids and arguments as zh-CN.ftl.

## Report format

level-error = error
level-warning = warning
label-hint = hint
label-note = note
hint-did-you-mean = did you mean `{ $close }`? { $rest }

## Kinds of items and positions (counted from 1)

kind-name = { $kind ->
    [platform] platform
    [flow] flow
    [step] step
    [material] material
    [faq] FAQ
    [rule] rule
    [term] term
    [tree] decision tree
    [question] question
    [outcome] outcome
    [checklist] checklist
   *[other] { $kind }
}
kinds-two = { $a } or { $b }
kinds-any = guide item
path-item = { $list ->
    [faqs] FAQ #{ $n }
    [steps] step { $n }
    [flows] flow #{ $n }
    [materials] material #{ $n }
    [rules] rule #{ $n }
    [terms] term #{ $n }
    [questions] question #{ $n }
    [answers] answer #{ $n }
    [outcomes] outcome #{ $n }
    [items] item #{ $n }
    [checklists] checklist #{ $n }
    [related] related item #{ $n }
    [tags] tag #{ $n }
    [roles] role #{ $n }
    [systems] system #{ $n }
   *[other] { $list } #{ $n }
}
path-field = `{ $key }`
path-join = { $a } › { $b }
path-at = { $path }: { $rest }

## Reading files

read-failed = cannot read the file: { $error }
read-failed-hint = check that the file exists and can be read
not-utf8 = the file is not UTF-8 text
not-utf8-hint = save the file as UTF-8 (in most editors: Save As → Encoding → UTF-8)
no-site-yaml = no site.yaml in { $dir }
no-site-yaml-hint = run guidepost in the site folder, or pass --root with the folder that holds site.yaml
no-platform-yaml = the platform folder guides/{ $dir }/ has no platform.yaml
no-platform-yaml-hint = add platform.yaml with id, name, owner and source (docs/format.md)
same-source-twice = `{ $yml }` and `{ $yaml }` are the same source twice (.yml and .yaml are read alike)
same-source-twice-hint = keep one of the two files: merge what you need into it and delete the other
no-front-matter = the page has no front matter
no-front-matter-unclosed-hint = the front matter starts with `---` but has no closing `---` line: add a `---` line after `title: …` and the other keys
no-front-matter-hint = start the file with a `---` line, `title: …`, and another `---` line
symlink-outside = `{ $file }` is a symlink to `{ $target }`, outside the site
symlink-outside-hint = copy what you need into the site folder, or, if this folder is meant to be shared between sites, set `allow_outside_symlinks: true` in site.yaml (docs/security.md)
symlink-loop = `{ $file }` is a symlink that loops (to `{ $target }`)
symlink-loop-hint = remove this link, or point it at a folder that does not contain it (docs/security.md)
symlink-broken = `{ $file }` is a broken symlink: `{ $target }` does not exist
symlink-broken-hint = remove the link or fix where it points; it is skipped
symlink-walk-loop = symlink loop: `{ $file }` leads back to `{ $back }`, a folder it is in
unread-file = `{ $name }` is not read: `{ $file }` is not a source guidepost knows
unread-in-folder = `{ $file }` is not read: guidepost does not read the folder `{ $folder }/`
unread-in-guides-hint = guides/ holds one folder per platform (guides/<platform>/); move this file into the platform folder it belongs to, or out of guides/
unread-in-platform-hint = a platform folder holds { $files } (each may end in .yml instead) and the folders { $folders }
unread-flows-dir-hint = flows/ holds one flow per .yaml (or .yml) file, no sub-folders; move the file up into flows/
unread-flows-file-hint = flows/ holds one flow per .yaml (or .yml) file, no sub-folders; rename the file to end in .yaml, or move it out of flows/
unread-trees-dir-hint = trees/ holds one decision tree per .yaml (or .yml) file, no sub-folders; move the file up into trees/
unread-trees-file-hint = trees/ holds one decision tree per .yaml (or .yml) file, no sub-folders; rename the file to end in .yaml, or move it out of trees/

## YAML

yaml-key-not-scalar = a key here is a list or a mapping
yaml-key-not-scalar-hint = keys must be plain words, like `title:`
yaml-duplicate-key = duplicate key `{ $key }`
yaml-duplicate-key-note = first given here
yaml-duplicate-key-hint = a key may appear once per item: remove or merge one of them
yaml-control-char = an invisible control character (U+{ $code }) in the text
yaml-control-char-hint = delete this invisible character (it often comes with text pasted from a chat or an office document); if your editor does not show it, delete and retype the character after it
yaml-syntax = YAML syntax: { $detail }
yaml-syntax-hint = check the indentation (spaces, not tabs), that every key ends with `:`, and put quotes around text that contains `: ` or starts with `[`, `{"{"}`, `*`, `&`, `!`, `|`, `>`, `%` or `@`
yaml-second-document = a second YAML document
yaml-second-document-hint = a guide file holds one document: remove the `---` line here
yaml-alias = YAML alias (`*name`)
yaml-alias-hint = guidepost does not use YAML anchors and aliases: write the value out
yaml-too-deep = nested too deeply
yaml-too-deep-hint = a source may nest at most { $max } levels: flatten this value
yaml-tab = a tab character in the indentation
yaml-tab-hint = YAML indents with spaces only: replace this tab with spaces (align with the level above, then two more)
yaml-indent = the indentation of this line does not fit the lines around it
yaml-indent-hint = keys of one level start in the same column, and a child is indented two spaces more than its parent: compare this line's indentation with the line above
yaml-unclosed-quote = a quote is not closed
yaml-unclosed-quote-hint = add the same quote (`"` or `'`) at the end of the text, or remove the opening one
yaml-unclosed-list = a `[` list is not closed
yaml-unclosed-list-hint = add `]` after the last item of the list; separate items with ASCII commas `,`
yaml-missing-colon = a key needs a `:` here
yaml-missing-colon-hint = every key is followed by an ASCII colon and a space, like `title: text`; if this line continues the text of the line above, put the whole text in quotes
fullwidth-colon = a full-width colon “：” after a key
fullwidth-colon-hint = replace the full-width colon “：” with an ASCII colon “:” followed by a space
fullwidth-comma = a full-width comma “，” in a list
fullwidth-comma-hint = replace the full-width comma “，” with an ASCII comma “,” followed by a space; if the comma belongs to the text, put that item in quotes
fullwidth-bracket = a full-width bracket `{ $char }` used as a list bracket
fullwidth-bracket-hint = lists use ASCII square brackets: replace `【` with `[` and `】` with `]`
curly-quote = a curly quote `{ $char }` used as a YAML quote
curly-quote-hint = YAML only knows ASCII quotes: replace the curly quotes at both ends (`{ $char }` …) with `"`, or remove the quotes
serde-unknown-field = unknown key `{ $key }`
serde-unknown-field-hint = check the spelling of this key; the keys allowed here: { $expected } (docs/format.md describes each)
serde-unknown-field-none-hint = no key is allowed here: remove `{ $key }`
serde-missing-field = missing key `{ $key }`
serde-missing-field-hint = add `{ $key }: …` to this item (docs/format.md describes it)
serde-invalid-date = the date `{ $value }` is not in the right format
serde-invalid-date-hint = write the date in digits with leading zeros, like 2025-06-26 (a source's `date` may also be 2025-06 or 2025)
serde-invalid-type = wrong kind of value: expected { $expected }, found { $found }
serde-invalid-type-hint = a list is written `[a, b]` or as `- ` lines, text may need quotes, dates are YYYY-MM-DD
serde-invalid-value = wrong value: expected { $expected }, found { $found }
serde-unknown-variant = unknown value `{ $value }`
serde-unknown-variant-hint = use one of: { $expected }
serde-other = { $detail }

## Checks

duplicate-id = duplicate id `{ $id }`
duplicate-id-note = first used here
duplicate-id-hint = ids must be unique across the whole site: rename one of them (keep published ids; list a renamed FAQ's old id in former_ids)
invalid-id = invalid id `{ $id }`
invalid-id-hint = ids use lowercase ASCII letters, digits and `-`, e.g. `deposit-voucher`
ref-wrong-kind = `{ $id }` is a { $kind }, not a { $expected }
ref-wrong-kind-hint = reference a { $expected } here
unknown-id = unknown id `{ $id }`
unknown-id-hint = no { $kinds } has this id: check the spelling, or define it
checklist-item-twice = `{ $id }` is already an item of this checklist
checklist-item-twice-hint = each item of a checklist needs its own id: ticks are stored by id
reserved-name = `{ $id }` is a reserved name
reserved-name-hint = choose another id; these are taken: { $taken }
page-url-taken = the page URL /{ $url } is taken
page-url-taken-hint = `{ $first }` is a platform or a built-in page: rename the folder or set a `slug`
tree-start-unknown = `start` names no question of this tree: `{ $id }`
tree-start-unknown-hint = set `start` to the id of the first question
tree-few-answers = question `{ $id }` has { $count } answer(s)
tree-few-answers-hint = a question needs at least two answers; otherwise fold it into the previous step
tree-next-unknown = `next` names no question or outcome of this tree: `{ $id }`
tree-next-unknown-hint = use the id of a question or an outcome defined in this file
tree-unreached-question = no path reaches question `{ $id }`
tree-unreached-outcome = no path reaches outcome `{ $id }`
tree-unreached-hint = point an answer's `next` at it, or remove it
tree-loop = this answer loops back to `{ $id }` ({ $path })
tree-loop-hint = a decision tree must always move forward: point `next` at a later question or an outcome
date-in-future = `{ $field }` of 《{ $title }》 is after today ({ $today })
date-in-future-date-hint = write the date the document itself carries
date-in-future-verified-hint = write the day you compared the guide with the platform, not a day to come
stale-verified = 《{ $title }》 was last verified { $age } days ago ({ $day })
stale-verified-hint = compare the guide with the platform's current document again, then set `verified` to that day (site.yaml `stale_after_days` allows { $max } days)
stale-dated = 《{ $title }》 is dated { $date }, more than { $max } days ago
stale-dated-hint = look up the platform's current version of this document: if it changed, update the guide and `date`; if the facts still hold, add `verified:` with the day you checked
bold-unclosed = `**` shows as asterisks: the bold did not close
bold-unclosed-hint = after Chinese punctuation a closing `**` must be followed by a space or punctuation: move the punctuation out of the bold (`**主账号**（管理员）`) or add a space after `**`
url-refused = the URL `{ $url }` uses the scheme `{ $scheme }:`, which is not allowed
url-refused-hint = a link may be a relative path (`../a.md`, `images/x.png`) or start with http://, https://, mailto: or tel: — remove this URL or write the web address out (docs/security.md)
heading-attr = the heading attribute `{ $attr }` is not allowed
heading-attr-hint = a heading may carry only its anchor and classes, `{"{"}#id .class{"}"}`: remove the other attributes (docs/security.md)

## Themes and templates

theme-read-failed = cannot read: { $error }
theme-read-failed-hint = check that the file exists and can be read
theme-unknown = unknown theme `{ $name }`
theme-unknown-hint = use `theme: default`, or create the folder themes/{ $name }/ with templates/ and static/
template-syntax = template `{ $name }`: { $detail }
template-syntax-hint = fix the tera syntax at this place, or remove the override to use the theme's template
template-missing = template `{ $file }` { $verb } `{ $target }`, which does not exist
template-verb = { $verb ->
    [extends] extends
    [includes] includes
    [imports] imports
   *[other] { $verb }
}
template-missing-hint = create that template in templates/, or fix the name
template-missing-near-hint = did you mean `{ $close }`? Templates are named by their path under templates/
template-no-import = template `{ $file }` calls `{ $call }`, but nothing is imported as `{ $ns }`
template-no-import-hint = add `{"{"}% import "macros.html" as { $ns } %{"}"}` at the top of the template
template-no-macro = template `{ $file }` calls `{ $call }`, which { $in } does not define
template-no-macro-near-hint = did you mean `{ $close }`? Change the call to that name
template-no-macro-hint = define `{"{"}% macro { $name }(…) %{"}"}` in { $in }
template-macro-loop = a macro calls itself: { $path }
template-include-loop = a template includes itself: { $path }
template-loop-hint = tera follows includes and macro calls with no depth limit, so this loop never ends: remove the call that closes it

## Command line

cli-about = Build a fast, searchable static site from structured merchant guides
cli-long-about = guidepost turns structured guide sources (guides/*/*.yaml) and Markdown pages (content/**/*.md) into a static site: step-by-step guides with flow diagrams, FAQs with permalinks, rules, materials and a glossary.
cli-examples = Examples:
cli-ex-init = start a new site from a small working example
cli-ex-build = build the site in this folder into public/
cli-ex-check = validate my-site without writing anything
cli-ex-serve = preview the site in this folder at http://127.0.0.1:8000/
cli-example = Example:
cli-usage = Usage:
cli-commands = Commands
cli-options = Options
cli-arguments = Arguments
cli-help = Print help (see a summary with '-h')
cli-version = Print version
cli-help-command = Print this message or the help of the given subcommand(s)
cli-lang = Language of messages: zh (Chinese, the default) or en (English); without it LC_ALL, LC_MESSAGES, LANG decide
cli-root = The site folder: the one holding site.yaml
cli-build-about = Build the site into an output folder (default: public/ in the site folder)
cli-build-long = The previous output is replaced only when the whole new build succeeded.
cli-build-output = Where to write the site [default: <root>/public]
cli-build-base-url = Override site.yaml's base_url (the absolute URL the site is published at)
cli-check-about = Validate the site's sources and report every problem, without writing anything
cli-init-about = Start a new site: write a small working example into a new or empty folder
cli-init-long = The example has one platform with a flow, materials, FAQs, a decision tree and a checklist, and a section of Markdown pages, with every key explained in comments, and the JSON Schemas (schemas/) that editors such as VS Code use to complete and check keys. It builds without a warning; change it or copy its parts. A folder that holds anything is refused.
cli-init-dir = The folder to create the site in (it must not exist, or be empty)
cli-serve-about = Preview the site: build it in memory, serve it on this machine, rebuild and reload open pages on every change
cli-serve-long = Watches site.yaml, guides/, content/, themes/, templates/ and static/. When a change has errors the last good build stays served and the errors show over every open page. Nothing is written to the site folder. Stop with Ctrl-C.
cli-serve-port = Port to listen on (0: any free port)
cli-serve-bind = Address to listen on; anything but loopback shares the preview with the network
cli-serve-open = Open the site in the default browser
cli-serve-poll = Find saved files by looking every 0.3 s instead of through the system's file events (for network drives, shared folders of virtual machines, or exhausted watch limits)
cli-serve-max-connections = Most concurrent connections (more are answered 503)
cli-serve-client-timeout = Time a client has to send its request head, in milliseconds
cli-serve-max-streams = Most open live-reload streams (one per open page)

## Output of the commands

built = built { $files } files into { $output } in { $ms } ms
build-failed = build failed: { $errors } error(s); { $output } was left as it was
build-failed-write = build failed; { $output } was left as it was
check-ok = ok: { $platforms } platforms, { $ids } ids, { $pages } pages checked
check-failed = check failed: { $errors } error(s)
init-not-empty = { $dir } is not empty; guidepost init writes only into a new or empty folder
init-not-empty-hint = name a new folder, e.g. `guidepost init my-site`
init-cannot-read = cannot read { $dir }: { $error }
init-write-failed-hint = check that you may write to this folder and try again
init-created = created a site in { $dir }:
init-next = next:
init-next-serve = preview it at http://127.0.0.1:8000/ while you edit
init-next-build = write the site into public/
serve-no-site = no site.yaml in { $dir }
serve-no-site-hint = run guidepost serve in the site folder, or pass --root with the folder that holds site.yaml
serve-ctrlc = cannot handle Ctrl-C: { $error }
serve-building = building { $root } …
serve-bind-hint = another program uses this port: pass another one with --port (0 picks a free one)
serve-public = listening on { $addr }: anyone who can reach this machine can read the preview
serve-serving = serving at { $url } (Ctrl-C to stop)
serve-stopped = stopped
serve-rebuilt = built { $what } in { $ms } ms
serve-rebuilt-site = built the site in { $ms } ms
serve-rebuild-failed = rebuild failed: { $errors } error(s); still serving the last good build
serve-accept-failed = accepting a connection failed: { $error }
serve-polling = the system cannot report file changes ({ $reason }); looking for changes every 0.3 s instead
serve-watch-failed = cannot watch the sources ({ $error }); saved changes will not be seen
serve-watch-failed-hint = stop with Ctrl-C and start again; { $rest }
serve-watch-hint-linux = raise the limits with `sudo sysctl fs.inotify.max_user_watches=524288 fs.inotify.max_user_instances=512` (add both to /etc/sysctl.conf to keep them), or start with --poll
serve-watch-hint-other = close other programs that watch many files, or start with --poll
serve-no-browser = could not open a browser ({ $cmd }); open { $url } yourself
serve-bind-failed = cannot listen on { $addr }: { $error }
serve-start-failed = cannot start the server: { $error }
serve-unwatched = changes to the sources can no longer be seen ({ $reason })
serve-unwatched-hint = stop guidepost serve with Ctrl-C and start it again (add --poll if this repeats)
serve-never-built-title = Build failed
serve-never-built = The site has not built yet: fix the sources as the problems say; this page updates by itself once you save.
overlay-title = Build failed: still showing the last good build
overlay-hint = Hint:
overlay-close = Close
overlay-foot = This page updates by itself once you save a fix.

## Links and shared requirements (check)
link-no-page = link to a missing page `{ $target }`
link-no-anchor = link to a missing anchor `#{ $anchor }` in `{ $page }`
link-no-id = link to an unknown id `@{ $id }`
link-paths-help = a link names a .md file under content/ relative to this file's folder (`b.md`, `../a/b.md`, `.md` may be left out), or a page from the site root (`/a/b/`)
link-ids-help = write @ followed by the id of a flow, step (flow-id/step-id), FAQ, rule, term, material, tree, question, outcome or checklist
link-no-page-guess = did you mean `{ $guess }`? { link-paths-help }
link-no-page-hint = check the path: { link-paths-help }
link-no-anchor-hint = anchors come from the target's headings (Chinese is written in pinyin: ## 角色分工 → #jiao-se-fen-gong); check the heading or the anchor
link-no-id-guess = did you mean `@{ $guess }`? { link-ids-help }
link-no-id-hint = check the id: { link-ids-help }
shared-twice = the shared requirement `{ $id }` is written twice
shared-twice-hint = give each entry of `shared:` its own id, or merge the two
rule-requires-nothing = the category `{ $category }` says nothing it requires
rule-requires-nothing-hint = add `requires:` (what this category needs) or `shared:` (the ids of shared requirements it has)
shared-named-twice = `{ $id }` is named twice in `shared`
shared-named-twice-hint = remove the second one
shared-unknown = unknown shared requirement `{ $id }`
shared-unknown-guess = did you mean `{ $guess }`? `shared` names ids from the `shared:` list at the top of this rules.yaml
shared-unknown-none = add a `shared:` list at the top of this rules.yaml with this id, a title and its text
shared-unknown-known = `shared` names ids from the `shared:` list at the top of this rules.yaml: { $known }

## Pages and templates (build)
slug-has-slash = it holds `/`
slug-not-folder = slug `{ $slug }` of { $file } cannot be a folder name: { $why }
slug-not-folder-hint = a slug is one folder name of the page's URL, such as `store-roles` or `店铺角色`; the page stays in its own folder
render-view-failed = view: { $error }
render-template-failed = rendering `{ $template }`: { $error }
render-template-failed-hint = a template override may use only the variables of its page's view (see the theme's templates)
static-read-failed = cannot read: { $error }
static-read-dir-hint = check that the folder exists and can be read

## YAML messages added later
yaml-colon-in-value = the value holds `: `, which YAML reads as a new key
yaml-colon-in-value-hint = put the whole text in ASCII quotes, like `title: "note: log in first"`
serde-what = { $what ->
    [sequence] a list
    [map] keys and values
    [string] text
    [bool] true or false
    [int] a whole number
    [empty] nothing
   *[other] { $what }
}
serde-what-text = the text { $text }

## Existing Markdown and mdBook

book-draft = draft chapter “{ $title }” has no file yet and is left out
book-draft-hint = once it is written, put its file path in the () and it shows in the table of contents
book-chapter-missing = the file content/{ $path } of chapter “{ $title }” does not exist
book-chapter-missing-hint = paths are relative to the folder of SUMMARY.md: check the file name, or write [{ $title }]() to mark it a draft
book-unreachable = nothing links to this page, so readers cannot find it
book-unreachable-hint = add it to SUMMARY.md, put it in a folder with an _index.md, or link to it from another page
book-unknown-directive = unknown mdBook directive `#{ $name }`, shown on the page as written
book-unknown-directive-hint = guidepost knows include, rustdoc_include, playground and title; remove it, or put \ before the {"{{"} to show it as text
book-include-missing = the file to include { $path } does not exist
book-include-missing-hint = the path is relative to the folder of this Markdown file: check the file name and its case
book-include-outside = the file to include { $path } is outside the site folder
book-include-outside-hint = only files inside the site folder can be included: copy it in and change the path here
book-include-self = this page includes itself through { $path }
book-include-self-hint = remove this include directive or include another file: a page cannot include itself
book-include-no-anchor = { $path } has no anchor `{ $anchor }`
book-include-no-anchor-hint = mark the part to include with the lines `ANCHOR: name` and `ANCHOR_END: name` in the file, or use line numbers (file:first:last)
book-applied-summary = used the table of contents of { $files ->
    [1] SUMMARY.md
   *[other] { $files } SUMMARY.md files
} ({ $chapters } chapters)
book-applied-no-front-matter = { $pages } pages have no front matter: titles come from their first heading, anchors keep their Chinese as mdBook writes them
book-applied-directives = expanded { $count } mdBook directives (include, playground, title)
book-applied-join = ;{" "}
book-applied-readme = { $count ->
    [1] a folder without _index.md has its README.md as its index page
   *[other] { $count } folders without _index.md have their README.md as their index page
}
book-applied-drafts = { $count ->
    [1] left out 1 draft page (draft: true)
   *[other] left out { $count } draft pages (draft: true)
}

## Output paths: what owns a path, and why a path cannot be written
out-what-built-in = the built-in `{ $path }`
out-what-search = the search index
out-what-glossary = the glossary
out-what-platform = the platform `{ $id }`
out-what-flow = the flow `{ $id }`
out-what-flow-checklist = the checklist of flow `{ $id }`
out-what-faq-list = the FAQ list of `{ $id }`
out-what-faq = the FAQ `{ $id }`
out-what-former-id = the former id `{ $old }` of FAQ `{ $id }`
out-what-rules = the rules of `{ $id }`
out-what-materials = the materials of `{ $id }`
out-what-tree = the tree `{ $id }`
out-what-tree-data = the data of tree `{ $id }`
out-what-question = the question `{ $id }`
out-what-outcome = the outcome `{ $id }`
out-what-outcome-checklist = the checklist of outcome `{ $id }`
out-what-checklist = the checklist `{ $id }`
out-what-page = the page content/{ $rel }
out-what-theme-file = the theme file { $file }
out-path-refused = { $what } would be written at `{ $path }`: { $why }
out-path-refused-hint = rename the file or `slug` so its path has plain folder names: letters (汉字 too), digits, `-`, `_`, `.`
out-clash-same = { $what } would be written at `{ $path }`, as { $other } is
out-clash-case = { $what } would be written at `{ $path }`, which differs from `{ $first }` of { $other } only in case
out-clash-folder-of = { $what } would be written at `{ $path }`, a folder { $other } needs for `{ $first }`
out-clash-inside-folder = { $what } would be written at `{ $path }`, inside `{ $first }`, which belongs to { $other }
out-clash-inside-file = { $what } would be written at `{ $path }`, inside `{ $first }`, which is a file of { $other }
out-clash-note = { $other } claims `{ $first }` here
out-clash-case-hint = Windows and macOS disks do not tell these names apart: rename one (or set its `slug`)
out-clash-hint = two sources cannot publish the same path: rename one (or set a page's `slug`)
out-why-empty-folder = it has an empty folder name (`//`, or a leading or trailing `/`)
out-why-dots = `{ $name }` would leave its folder
out-why-control = it holds the control character U+{ $code }
out-why-fragment = it holds `#`: `#` starts a fragment in a URL
out-why-query = it holds `?`: `?` starts a query in a URL
out-why-escape = it holds `%`: `%` starts an escape in a URL
out-why-space = it holds a space: a space breaks URLs in links and chats
out-why-backslash = it holds `\`: `\` separates folders on Windows
out-why-drive = it holds `:`: `:` names a drive on Windows
out-why-windows-char = it holds `{ $char }`: it is not allowed in Windows file names
out-why-trailing-dot = `{ $name }` ends in `.`, which Windows drops
out-why-device = `{ $name }` is a device name on Windows
out-why-empty-path = the path is empty
out-why-absolute = it is absolute (starts with `/`)
out-internal-unclaimed = internal: output `{ $path }` was not claimed
out-internal-twice = internal: output `{ $path }` was made twice
out-internal-hint = this is a bug in guidepost: please report it with the site that shows it
