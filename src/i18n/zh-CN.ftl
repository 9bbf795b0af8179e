# guidepost 的中文消息（默认语言）。每个 id 在 en.ftl 里有同样的参数；src/i18n/ids.rs 列出全部 id。

## 报告格式

level-error = 错误
level-warning = 警告
label-hint = 提示
label-note = 参见
hint-did-you-mean = 是不是要写 `{ $close }`？{ $rest }

## 条目的种类与位置（从 1 开始数）

kind-name = { $kind ->
    [platform] 平台
    [flow] 流程
    [step] 步骤
    [material] 材料
    [faq] 常见问题
    [rule] 规则
    [term] 术语
    [tree] 决策树
    [question] 问题
    [outcome] 结果
    [checklist] 清单
   *[other] { $kind }
}
kinds-two = { $a }或{ $b }
kinds-any = 指南条目
path-item = { $list ->
    [faqs] 第 { $n } 条 FAQ
    [steps] 第 { $n } 步
    [flows] 第 { $n } 个流程
    [materials] 第 { $n } 项材料
    [rules] 第 { $n } 条规则
    [terms] 第 { $n } 个术语
    [questions] 第 { $n } 个问题
    [answers] 第 { $n } 个答案
    [outcomes] 第 { $n } 个结果
    [items] 第 { $n } 项
    [checklists] 第 { $n } 个清单
    [related] 第 { $n } 个相关条目
    [tags] 第 { $n } 个标签
    [roles] 第 { $n } 个角色
    [systems] 第 { $n } 个系统
   *[other] { $list } 的第 { $n } 项
}
path-field = `{ $key }`
path-join = { $a } › { $b }
path-at = { $path }：{ $rest }

## 读取文件

read-failed = 无法读取这个文件：{ $error }
read-failed-hint = 检查文件是否存在、是否有读取权限
not-utf8 = 这个文件不是 UTF-8 文本
not-utf8-hint = 把文件另存为 UTF-8 编码（多数编辑器：另存为 → 编码 → UTF-8）
no-site-yaml = { $dir } 里没有 site.yaml
no-site-yaml-hint = 在网站文件夹里运行 guidepost，或用 --root 指定存放 site.yaml 的文件夹
no-platform-yaml = 平台文件夹 guides/{ $dir }/ 里没有 platform.yaml
no-platform-yaml-hint = 添加 platform.yaml，写上 id、name、owner 和 source（见 docs/format.md）
same-source-twice = `{ $yml }` 和 `{ $yaml }` 是同一个来源的两份（.yml 和 .yaml 读法相同）
same-source-twice-hint = 只保留其中一个文件：把需要的内容合并进去，删掉另一个
no-front-matter = 这个页面没有前置元数据（front matter）
no-front-matter-unclosed-hint = 前置元数据以 `---` 开头，但缺少结束的 `---` 行：在 `title: …` 等行之后加一行 `---`
no-front-matter-hint = 在文件开头写一行 `---`、一行 `title: …`，再写一行 `---`
symlink-outside = `{ $file }` 是指向网站文件夹之外 `{ $target }` 的符号链接
symlink-outside-hint = 把需要的内容复制到网站文件夹里；如果这个文件夹本来就要在多个网站之间共用，在 site.yaml 里设置 `allow_outside_symlinks: true`（见 docs/security.md）
symlink-loop = `{ $file }` 是一个循环的符号链接（指向 `{ $target }`）
symlink-loop-hint = 删除这个链接，或让它指向一个不包含它自己的文件夹（见 docs/security.md）
symlink-broken = `{ $file }` 是一个失效的符号链接：`{ $target }` 不存在
symlink-broken-hint = 删除这个链接或改正它指向的位置；现在它被跳过
symlink-walk-loop = 符号链接循环：`{ $file }` 指回它所在的文件夹 `{ $back }`
unread-file = `{ $name }` 没有被读取：guidepost 不认识 `{ $file }` 这种来源
unread-in-folder = `{ $file }` 没有被读取：guidepost 不读取文件夹 `{ $folder }/`
unread-in-guides-hint = guides/ 里每个平台一个文件夹（guides/<平台>/）：把这个文件移到它所属的平台文件夹里，或移出 guides/
unread-in-platform-hint = 平台文件夹里放 { $files }（也可以用 .yml 结尾），以及文件夹 { $folders }
unread-flows-dir-hint = flows/ 里每个 .yaml（或 .yml）文件是一个流程，不能有子文件夹：把文件移到 flows/ 下
unread-flows-file-hint = flows/ 里每个 .yaml（或 .yml）文件是一个流程：把文件名改成以 .yaml 结尾，或移出 flows/
unread-trees-dir-hint = trees/ 里每个 .yaml（或 .yml）文件是一棵决策树，不能有子文件夹：把文件移到 trees/ 下
unread-trees-file-hint = trees/ 里每个 .yaml（或 .yml）文件是一棵决策树：把文件名改成以 .yaml 结尾，或移出 trees/

## YAML

yaml-key-not-scalar = 这里的键是一个列表或映射
yaml-key-not-scalar-hint = 键必须是普通的词，比如 `title:`
yaml-duplicate-key = 键 `{ $key }` 重复了
yaml-duplicate-key-note = 第一次写在这里
yaml-duplicate-key-hint = 同一个条目里每个键只能出现一次：删掉或合并其中一个
yaml-control-char = 文本里有一个看不见的控制字符（U+{ $code }）
yaml-control-char-hint = 删掉这个看不见的字符（它常随着从聊天软件或 Office 文档粘贴的文字一起进来）；如果编辑器不显示它，就删掉并重新输入它后面的那个字符
yaml-syntax = YAML 语法错误：{ $detail }
yaml-syntax-hint = 检查缩进（用空格，不用 Tab）、每个键后面都有 `:`，以及含有 `: ` 或以 `[`、`{"{"}`、`*`、`&`、`!`、`|`、`>`、`%`、`@` 开头的文字是否加了引号
yaml-second-document = 第二个 YAML 文档
yaml-second-document-hint = 一个指南文件只能有一个文档：删掉这里的 `---` 行
yaml-alias = YAML 别名（`*name`）
yaml-alias-hint = guidepost 不使用 YAML 的锚点和别名：把值完整写出来
yaml-too-deep = 嵌套太深
yaml-too-deep-hint = 一个来源最多嵌套 { $max } 层：把这个值改得扁平一些
yaml-tab = 缩进里有 Tab 字符
yaml-tab-hint = YAML 只能用空格缩进：把这个 Tab 换成空格（和上一级对齐后再缩进两个空格）
yaml-indent = 这一行的缩进和上下文对不上
yaml-indent-hint = 同一级的键要左对齐，子项比上一级多缩进两个空格；检查这一行和上一行的缩进
yaml-unclosed-quote = 引号没有闭合
yaml-unclosed-quote-hint = 在文字结尾补上同样的引号（`"` 或 `'`），或者去掉开头的引号
yaml-unclosed-list = 列表 `[` 没有闭合
yaml-unclosed-list-hint = 在列表最后一项后面补上 `]`，列表项之间用半角逗号 `,` 分隔
yaml-missing-colon = 这里缺少键后面的 `:`
yaml-missing-colon-hint = 每个键后面要有半角冒号和一个空格，比如 `title: 标题`；如果这是上一行文字的续行，把整段文字加上引号
fullwidth-colon = 键后面用了全角冒号“：”
fullwidth-colon-hint = 把全角冒号“：”改成半角冒号“:”并在后面加一个空格
fullwidth-comma = 列表里用了全角逗号“，”
fullwidth-comma-hint = 把全角逗号“，”改成半角逗号“,”并在后面加一个空格；如果逗号是文字的一部分，给这一项加上引号
fullwidth-bracket = 用了全角括号 `{ $char }` 当作列表的方括号
fullwidth-bracket-hint = 列表用半角方括号：把 `【` 改成 `[`，把 `】` 改成 `]`
curly-quote = 用了中文引号 `{ $char }` 当作 YAML 的引号
curly-quote-hint = YAML 只认半角引号：把两端的 `{ $char }` 等中文引号都改成半角的 `"`，或者去掉引号
serde-unknown-field = 未知的键 `{ $key }`
serde-unknown-field-hint = 检查这个键的拼写；这里可以用的键有：{ $expected }（docs/format.md 有说明）
serde-unknown-field-none-hint = 这里不能有任何键：删掉 `{ $key }`
serde-missing-field = 缺少键 `{ $key }`
serde-missing-field-hint = 在这个条目里加上 `{ $key }: …`（docs/format.md 有说明）
serde-invalid-date = 日期 `{ $value }` 的格式不对
serde-invalid-date-hint = 用数字写日期，月和日要补零，比如 2025-06-26（来源的 `date` 也可以写 2025-06 或 2025）
serde-invalid-type = 值的类型不对：这里需要{ $expected }，写的是{ $found }
serde-invalid-type-hint = 列表写成 `[a, b]` 或一行一个 `- `；文字可能要加引号；日期写成 YYYY-MM-DD
serde-invalid-value = 值不对：这里需要{ $expected }，写的是{ $found }
serde-unknown-variant = 未知的取值 `{ $value }`
serde-unknown-variant-hint = 改成这些取值之一：{ $expected }
serde-other = { $detail }

## 检查

duplicate-id = id `{ $id }` 重复了
duplicate-id-note = 第一次用在这里
duplicate-id-hint = 整个网站里 id 必须唯一：改掉其中一个（已发布的 id 别改；FAQ 改了 id 就把旧 id 写进 former_ids）
invalid-id = id `{ $id }` 不合规
invalid-id-hint = id 只能用小写英文字母、数字和 `-`，比如 `deposit-voucher`
ref-wrong-kind = `{ $id }` 是{ $kind }，不是{ $expected }
ref-wrong-kind-hint = 这里要引用一个{ $expected }的 id
unknown-id = 未知的 id `{ $id }`
unknown-id-hint = 没有哪个{ $kinds }用这个 id：检查拼写，或者先定义它
checklist-item-twice = `{ $id }` 已经是这个清单的一项了
checklist-item-twice-hint = 清单的每一项要有自己的 id：勾选状态按 id 保存
reserved-name = `{ $id }` 是保留名称
reserved-name-hint = 换一个 id；这些名称已被占用：{ $taken }
page-url-taken = 页面地址 /{ $url } 已被占用
page-url-taken-hint = `{ $first }` 是一个平台或内置页面：给文件夹改名，或设置 `slug`
tree-start-unknown = `start` 指向的问题在这棵树里不存在：`{ $id }`
tree-start-unknown-hint = 把 `start` 设为第一个问题的 id
tree-few-answers = 问题 `{ $id }` 只有 { $count } 个答案
tree-few-answers-hint = 一个问题至少要有两个答案；否则把它并入上一步
tree-next-unknown = `next` 指向的问题或结果在这棵树里不存在：`{ $id }`
tree-next-unknown-hint = 写这个文件里定义过的某个问题或结果的 id
tree-unreached-question = 没有路径能到达问题 `{ $id }`
tree-unreached-outcome = 没有路径能到达结果 `{ $id }`
tree-unreached-hint = 让某个答案的 `next` 指向它，或者删掉它
tree-loop = 这个答案绕回了 `{ $id }`（{ $path }）
tree-loop-hint = 决策树必须一直向前：把 `next` 指向后面的问题或一个结果
date-in-future = 《{ $title }》的 `{ $field }` 晚于今天（{ $today }）
date-in-future-date-hint = 写文件本身标注的日期
date-in-future-verified-hint = 写你对照平台核实指南的那一天，不要写将来的日子
stale-verified = 《{ $title }》上次核实是 { $age } 天前（{ $day }）
stale-verified-hint = 再对照一次平台当前的文件，然后把 `verified` 设为那一天（site.yaml 的 `stale_after_days` 允许 { $max } 天）
stale-dated = 《{ $title }》的日期是 { $date }，已超过 { $max } 天
stale-dated-hint = 查一下平台这个文件的当前版本：如果有变化，更新指南和 `date`；如果内容仍然成立，加上 `verified:` 写你核实的那一天
bold-unclosed = `**` 会显示成星号：粗体没有闭合
bold-unclosed-hint = 在中文标点后面，结束的 `**` 后面要跟空格或标点：把标点移到粗体外面（`**主账号**（管理员）`），或在 `**` 后面加一个空格
url-refused = 链接 `{ $url }` 用了不允许的协议 `{ $scheme }:`
url-refused-hint = 链接可以是相对路径（`../a.md`、`images/x.png`），或以 http://、https://、mailto:、tel: 开头：删掉这个链接，或写出完整的网址（见 docs/security.md）
heading-attr = 标题属性 `{ $attr }` 不允许使用
heading-attr-hint = 标题只能带锚点和类名，`{"{"}#id .class{"}"}`：删掉其他属性（见 docs/security.md）

## 主题与模板

theme-read-failed = 无法读取：{ $error }
theme-read-failed-hint = 检查文件是否存在、是否有读取权限
theme-unknown = 未知的主题 `{ $name }`
theme-unknown-hint = 用 `theme: default`，或者建立文件夹 themes/{ $name }/，里面放 templates/ 和 static/
template-syntax = 模板 `{ $name }`：{ $detail }
template-syntax-hint = 改正这里的 tera 语法，或者删掉这个覆盖文件，改用主题自带的模板
template-missing = 模板 `{ $file }` { $verb } `{ $target }`，但它不存在
template-verb = { $verb ->
    [extends] 继承了
    [includes] 包含了
    [imports] 导入了
   *[other] 引用了
}
template-missing-hint = 在 templates/ 里建立这个模板，或者改正名字
template-missing-near-hint = 是不是要写 `{ $close }`？模板按它在 templates/ 下的路径命名
template-no-import = 模板 `{ $file }` 调用了 `{ $call }`，但没有任何东西以 `{ $ns }` 的名字导入
template-no-import-hint = 在模板开头加上 `{"{"}% import "macros.html" as { $ns } %{"}"}`
template-no-macro = 模板 `{ $file }` 调用了 `{ $call }`，但 { $in } 没有定义它
template-no-macro-near-hint = 是不是要写 `{ $close }`？把调用改成这个名字
template-no-macro-hint = 在 { $in } 里定义 `{"{"}% macro { $name }(…) %{"}"}`
template-macro-loop = 宏调用了它自己：{ $path }
template-include-loop = 模板包含了它自己：{ $path }
template-loop-hint = tera 跟随包含和宏调用时没有深度限制，这个循环永远不会结束：删掉闭合循环的那次调用

## 命令行

cli-about = 把结构化的商家指南生成为快速、可搜索的静态网站
cli-long-about = guidepost 把结构化的指南来源（guides/*/*.yaml）和 Markdown 页面（content/**/*.md）生成静态网站：带流程图的分步指南、带固定链接的 FAQ、规则、材料和术语表。
cli-examples = 示例：
cli-ex-init = 从一个能用的小示例开始新网站
cli-ex-build = 把当前文件夹的网站生成到 public/
cli-ex-check = 检查 my-site，不写任何文件
cli-ex-serve = 在 http://127.0.0.1:8000/ 预览当前文件夹的网站
cli-example = 示例：
cli-usage = 用法：
cli-commands = 命令
cli-options = 选项
cli-arguments = 参数
cli-help = 显示帮助（-h 显示摘要）
cli-version = 显示版本
cli-help-command = 显示这条消息或某个命令的帮助
cli-lang = 消息语言：zh（中文，默认）或 en（英文）；不写时看 LC_ALL、LC_MESSAGES、LANG
cli-root = 网站文件夹：存放 site.yaml 的那个
cli-build-about = 把网站生成到输出文件夹（默认：网站文件夹里的 public/）
cli-build-long = 只有整个新版本生成成功后，才替换之前的输出。
cli-build-output = 写到哪里 [默认：<root>/public]
cli-build-base-url = 覆盖 site.yaml 的 base_url（网站发布的绝对地址）
cli-check-about = 检查网站的来源并报告所有问题，不写任何文件
cli-init-about = 新建网站：在一个新的或空的文件夹里写一个能用的小示例
cli-init-long = 示例包含一个平台（一个流程、材料、FAQ、一棵决策树和一个清单）和一组 Markdown 页面，每个键都有注释说明，还有编辑器（比如 VS Code）用来补全和检查键的 JSON Schema（schemas/）。它生成时没有任何警告；可以修改它，或复制其中的部分。非空的文件夹会被拒绝。
cli-init-dir = 新网站所在的文件夹（必须不存在，或是空的）
cli-serve-about = 预览网站：在内存里生成，在本机提供访问，每次修改后重新生成并刷新打开的页面
cli-serve-long = 监视 site.yaml、guides/、content/、themes/、templates/ 和 static/。修改有错误时，继续提供上一次成功的版本，并在每个打开的页面上显示错误。不往网站文件夹里写任何东西。按 Ctrl-C 停止。
cli-serve-port = 监听的端口（0：任意空闲端口）
cli-serve-bind = 监听的地址；不是本机回环地址时，局域网里的人也能看到预览
cli-serve-open = 用默认浏览器打开网站
cli-serve-poll = 每 0.3 秒查看一次文件有没有保存，而不用系统的文件事件（用于网络驱动器、虚拟机共享文件夹，或监视数量已达上限时）
cli-serve-max-connections = 最多同时连接数（更多的回答 503）
cli-serve-client-timeout = 客户端发送请求头的时限，毫秒
cli-serve-max-streams = 最多同时打开的自动刷新连接（每个打开的页面一个）

## 命令的输出

built = 已生成 { $files } 个文件到 { $output }，用时 { $ms } 毫秒
build-failed = 生成失败：{ $errors } 个错误；{ $output } 保持原样
build-failed-write = 生成失败；{ $output } 保持原样
check-ok = 检查通过：{ $platforms } 个平台，{ $ids } 个 id，{ $pages } 个页面
check-failed = 检查未通过：{ $errors } 个错误
init-not-empty = { $dir } 不是空的；guidepost init 只往新的或空的文件夹里写
init-not-empty-hint = 换一个新文件夹的名字，比如 `guidepost init my-site`
init-cannot-read = 无法读取 { $dir }：{ $error }
init-write-failed-hint = 检查你是否有权限写这个文件夹，然后再试一次
init-created = 已在 { $dir } 建立网站：
init-next = 下一步：
init-next-serve = 编辑时在 http://127.0.0.1:8000/ 预览
init-next-build = 把网站写到 public/
serve-no-site = { $dir } 里没有 site.yaml
serve-no-site-hint = 在网站文件夹里运行 guidepost serve，或用 --root 指定存放 site.yaml 的文件夹
serve-ctrlc = 无法处理 Ctrl-C：{ $error }
serve-building = 正在生成 { $root } …
serve-bind-hint = 这个端口被别的程序占用了：用 --port 换一个（0 表示任选一个空闲端口）
serve-public = 正在监听 { $addr }：能访问这台机器的人都能看到预览
serve-serving = 预览地址 { $url }（按 Ctrl-C 停止）
serve-stopped = 已停止
serve-rebuilt = 已重新生成 { $what }，用时 { $ms } 毫秒
serve-rebuilt-site = 已重新生成整个网站，用时 { $ms } 毫秒
serve-rebuild-failed = 重新生成失败：{ $errors } 个错误；继续提供上一次成功的版本
serve-accept-failed = 接受连接失败：{ $error }
serve-polling = 系统无法报告文件变化（{ $reason }）；改为每 0.3 秒查看一次
serve-watch-failed = 无法监视来源（{ $error }）；保存的修改不会被发现
serve-watch-failed-hint = 按 Ctrl-C 停止后重新启动；{ $rest }
serve-watch-hint-linux = 用 `sudo sysctl fs.inotify.max_user_watches=524288 fs.inotify.max_user_instances=512` 提高上限（两行都加进 /etc/sysctl.conf 才能保留），或用 --poll 启动
serve-watch-hint-other = 关掉其他监视大量文件的程序，或用 --poll 启动
serve-no-browser = 无法打开浏览器（{ $cmd }）；请自己打开 { $url }
serve-bind-failed = 无法在 { $addr } 上监听：{ $error }
serve-start-failed = 无法启动预览服务器：{ $error }
serve-unwatched = 已无法发现来源文件的修改（{ $reason }）
serve-unwatched-hint = 按 Ctrl-C 停止 guidepost serve 后重新启动（如果反复出现，启动时加上 --poll）
serve-never-built-title = 构建失败
serve-never-built = 站点还没有成功构建过：请按提示修改源文件，保存后本页会自动更新。
overlay-title = 构建失败：仍在显示上一次成功的构建
overlay-hint = 提示：
overlay-close = 关闭
overlay-foot = 保存修改后，本页会自动更新。

## Links and shared requirements (check)
link-no-page = 链接指向的页面不存在：`{ $target }`
link-no-anchor = 链接指向的锚点不存在：`{ $page }` 里没有 `#{ $anchor }`
link-no-id = 链接指向的 id 不存在：`@{ $id }`
link-paths-help = 链接可以写 content/ 下的 .md 文件，相对于本文件所在的文件夹（`b.md`、`../a/b.md`，`.md` 可以省略），也可以写从网站根目录开始的页面（`/a/b/`）
link-ids-help = 写 @ 加上流程、步骤（流程 id/步骤 id）、常见问题、规则、术语、材料、决策树、问题、结果或清单的 id
link-no-page-guess = 是不是要写 `{ $guess }`？{ link-paths-help }
link-no-page-hint = 请检查路径：{ link-paths-help }
link-no-anchor-hint = 锚点来自目标页面的标题（中文写成拼音：## 角色分工 → #jiao-se-fen-gong）；请检查标题或锚点
link-no-id-guess = 是不是要写 `@{ $guess }`？{ link-ids-help }
link-no-id-hint = 请检查 id：{ link-ids-help }
shared-twice = 共用要求 `{ $id }` 写了两次
shared-twice-hint = 给 `shared:` 里的每一项起不同的 id，或者把这两项合并
rule-requires-nothing = 类目 `{ $category }` 没有写任何要求
rule-requires-nothing-hint = 加上 `requires:`（这个类目需要什么），或 `shared:`（它适用的共用要求的 id）
shared-named-twice = `shared` 里 `{ $id }` 写了两次
shared-named-twice-hint = 删掉第二个
shared-unknown = 未知的共用要求 `{ $id }`
shared-unknown-guess = 是不是要写 `{ $guess }`？`shared` 里只能写本 rules.yaml 顶部 `shared:` 列表中的 id
shared-unknown-none = 在本 rules.yaml 顶部加一个 `shared:` 列表，写上这个 id、标题和内容
shared-unknown-known = `shared` 里只能写本 rules.yaml 顶部 `shared:` 列表中的 id：{ $known }

## Pages and templates (build)
slug-has-slash = 其中有 `/`
slug-not-folder = { $file } 的 slug `{ $slug }` 不能用作文件夹名：{ $why }
slug-not-folder-hint = slug 是页面网址里的一级文件夹名，比如 `store-roles` 或 `店铺角色`；页面仍在它自己的文件夹里
render-view-failed = 页面数据出错：{ $error }
render-template-failed = 渲染模板 `{ $template }` 时出错：{ $error }
render-template-failed-hint = 自定义模板只能使用它所属页面的变量（参见主题里的模板）
static-read-failed = 无法读取：{ $error }
static-read-dir-hint = 检查文件夹是否存在、是否有读取权限

## 后加的 YAML 消息
yaml-colon-in-value = 值里有 `: `，YAML 把它当成了新的键
yaml-colon-in-value-hint = 给整段文字加上半角引号，比如 `title: "注意: 先登录"`
serde-what = { $what ->
    [sequence] 列表
    [map] 一组键值
    [string] 文字
    [bool] true 或 false
    [int] 整数
    [empty] 空值
   *[other] { $what }
}
serde-what-text = 文字 { $text }

## 现有的 Markdown 和 mdBook

book-draft = 草稿章节「{ $title }」还没有文件，跳过了
book-draft-hint = 写好以后在 () 里填上文件路径，它就会出现在目录里
book-chapter-missing = 章节「{ $title }」的文件 content/{ $path } 不存在
book-chapter-missing-hint = 路径相对于 SUMMARY.md 所在的文件夹：检查文件名，或写成 [{ $title }]() 当作草稿
book-unreachable = 没有任何地方链接到这个页面，读者找不到它
book-unreachable-hint = 把它加进 SUMMARY.md，放进有 _index.md 的文件夹，或从别的页面链接它
book-unknown-directive = 不认识的 mdBook 指令 `#{ $name }`，原样显示在页面上
book-unknown-directive-hint = guidepost 认识 include、rustdoc_include、playground 和 title；删掉它，或在 {"{{"} 前加 \ 让它显示为文字
book-include-missing = 找不到要包含的文件 { $path }
book-include-missing-hint = 路径相对于这个 Markdown 文件所在的文件夹：检查文件名和大小写
book-include-outside = 要包含的文件 { $path } 在网站文件夹之外
book-include-outside-hint = 只能包含网站文件夹里的文件：把它复制进网站文件夹，再改这里的路径
book-include-self = 这个页面通过 { $path } 包含了它自己
book-include-self-hint = 删掉这条 include 指令，或改成包含别的文件：一个页面不能包含它自己
book-include-no-anchor = { $path } 里没有锚点 `{ $anchor }`
book-include-no-anchor-hint = 在文件里用 `ANCHOR: 名字` 和 `ANCHOR_END: 名字` 两行标出要包含的部分，或改用行号（文件:起始行:结束行）
book-applied-summary = 用了 { $files ->
    [1] SUMMARY.md
   *[other] { $files } 个 SUMMARY.md
} 的目录（{ $chapters } 章）
book-applied-no-front-matter = { $pages } 个页面没有 front matter，标题取自第一个标题，锚点照 mdBook 保留中文
book-applied-directives = 展开了 { $count } 个 mdBook 指令（include、playground、title）
book-applied-join = ；
book-applied-readme = 没有 _index.md 的文件夹用它的 README.md 做首页（{ $count } 个）
book-applied-drafts = { $count } 个草稿页面（draft: true）没有发布

## 输出路径：路径归谁，为什么不能写
out-what-built-in = 内置的 `{ $path }`
out-what-search = 搜索索引
out-what-glossary = 术语表
out-what-platform = 平台 `{ $id }`
out-what-flow = 流程 `{ $id }`
out-what-flow-checklist = 流程 `{ $id }` 的清单
out-what-faq-list = `{ $id }` 的 FAQ 列表
out-what-faq = FAQ `{ $id }`
out-what-former-id = FAQ `{ $id }` 的旧 id `{ $old }`
out-what-rules = `{ $id }` 的类目规则
out-what-materials = `{ $id }` 的材料
out-what-tree = 决策树 `{ $id }`
out-what-tree-data = 决策树 `{ $id }` 的数据
out-what-question = 问题 `{ $id }`
out-what-outcome = 结果 `{ $id }`
out-what-outcome-checklist = 结果 `{ $id }` 的清单
out-what-checklist = 清单 `{ $id }`
out-what-page = 页面 content/{ $rel }
out-what-theme-file = 主题文件 { $file }
out-path-refused = { $what } 会写到 `{ $path }`：{ $why }
out-path-refused-hint = 改掉文件名或 `slug`，让路径只用普通的文件夹名：字母（汉字也可以）、数字、`-`、`_`、`.`
out-clash-same = { $what } 会写到 `{ $path }`，{ $other } 也写在这里
out-clash-case = { $what } 会写到 `{ $path }`，它和 { $other } 的 `{ $first }` 只差大小写
out-clash-folder-of = { $what } 会写到 `{ $path }`，而 { $other } 要用这个文件夹放 `{ $first }`
out-clash-inside-folder = { $what } 会写到 `{ $path }`，在属于 { $other } 的 `{ $first }` 里面
out-clash-inside-file = { $what } 会写到 `{ $path }`，在 { $other } 的文件 `{ $first }` 里面
out-clash-note = { $other } 在这里占用了 `{ $first }`
out-clash-case-hint = Windows 和 macOS 的磁盘不区分这两个名字的大小写：改掉其中一个（或设置它的 `slug`）
out-clash-hint = 两个来源不能发布到同一个路径：改掉其中一个（或设置页面的 `slug`）
out-why-empty-folder = 其中有空的文件夹名（`//`，或开头、结尾的 `/`）
out-why-dots = `{ $name }` 会跳出它所在的文件夹
out-why-control = 其中有控制字符 U+{ $code }
out-why-fragment = 其中有 `#`：它在网址里开始一个锚点
out-why-query = 其中有 `?`：它在网址里开始查询参数
out-why-escape = 其中有 `%`：它在网址里开始转义
out-why-space = 其中有空格：空格会在链接和聊天里把网址截断
out-why-backslash = 其中有 `\`：它在 Windows 上分隔文件夹
out-why-drive = 其中有 `:`：它在 Windows 上表示盘符
out-why-windows-char = 其中有 `{ $char }`：Windows 的文件名里不能用它
out-why-trailing-dot = `{ $name }` 以 `.` 结尾，Windows 会把它去掉
out-why-device = `{ $name }` 在 Windows 上是设备名
out-why-empty-path = 路径是空的
out-why-absolute = 它是绝对路径（以 `/` 开头）
out-internal-unclaimed = 内部错误：输出文件 `{ $path }` 没有登记
out-internal-twice = 内部错误：输出文件 `{ $path }` 生成了两次
out-internal-hint = 这是 guidepost 的缺陷：请带上出现问题的网站报告它
