import type { Lang } from "../core/i18n/lang";
import type { DamageCode, ReadDamage, ReadErrorKind } from "../xlsx/read-error";
import type { ArgErrorCode } from "./args";

/** A command-line message in both languages. */
interface Msg {
  zh: string;
  en: string;
}

const HELP: Msg = {
  zh: `客户分级维护助手（命令行）

用法：customer-tiers <输入.xlsx> [--out 输出.xlsx] [--lang zh-CN|en-US] [--as-of YYYY-MM-DD] [--json]
      customer-tiers <a.xlsx> <b.xlsx> … | <文件夹> [--out-dir 文件夹] [--summary 汇总.xlsx] [--jobs N]
      以上两种均可加 [--format csv|json <文件>]

  <输入.xlsx>      含客户状况登记表 / 客户关系评估表的工作簿（只读，不会被修改）
  --out <文件>     输出工作簿；默认为输入文件旁的 <名称>.tiers.xlsx
  --lang <语言>    输出语言：zh-CN 或 en-US（默认跟随登记表表头的语言）
  --as-of <日期>   以该日期为“今天”计算回访与预警日期（可复现）
  --template <文件.xlsx>  写出空白输入模板（登记表、评估表、评估模型、设置，带下拉列表和一行示例）
  --json           以 JSON 输出摘要（格式见 docs/command-line.md）
  --out-dir <文件夹>  批量：各工作簿的输出写入该文件夹（默认写在各输入文件旁）
  --summary <文件>  批量：为指挥中心写出汇总工作簿（每个工作簿一行、每位客户经理一行、全部数据问题）
  --jobs <N>       批量：同时处理的工作簿数（默认为 CPU 核数）
  --format csv|json <文件>  另存每位客户的结果（CSV 为带 BOM 的 UTF-8，Excel 可直接打开；json 为 JSON Lines）
  -h, --help       显示本帮助
  -v, --version    显示版本

输出文件已存在且由本工具生成时，会保留其中可编辑列（人工等级、审核状态、执行情况、回访结果等）和评估历史；
不是本工具生成的文件绝不会被覆盖。

退出码：0 全部客户已评分且无错误；1 部分行有问题（仍已写出结果）；2 无法处理（文件无法读取、没有登记表、参数错误）。
批量处理时，某个工作簿出错不影响其他工作簿，退出码取其中最严重的。`,
  en: `Customer Tiers (command line)

Usage: customer-tiers <input.xlsx> [--out output.xlsx] [--lang zh-CN|en-US] [--as-of YYYY-MM-DD] [--json]
       customer-tiers <a.xlsx> <b.xlsx> … | <folder> [--out-dir folder] [--summary summary.xlsx] [--jobs N]
       either form may add [--format csv|json <file>]

  <input.xlsx>     workbook with a customer register / relationship evaluation (read only, never modified)
  --out <file>     output workbook; default <name>.tiers.xlsx beside the input
  --lang <lang>    output language: zh-CN or en-US (default: the register headers' language)
  --as-of <date>   treat this date as "today" for callbacks and warnings (reproducible runs)
  --template <file.xlsx>  write a blank input template (register, evaluation, model, settings; drop-downs, one example row)
  --json           print the summary as JSON (shape in docs/command-line.md)
  --out-dir <dir>  batch: write every workbook's output into this folder (default: beside each input)
  --summary <file> batch: the command centre's consolidated workbook (a row per workbook, per account
                   manager, and every problem)
  --jobs <N>       batch: workbooks run at once (default: the number of cores)
  --format csv|json <file>  also write each customer's result (CSV: UTF-8 with BOM, opens in Excel;
                   json: JSON lines)
  -h, --help       show this help
  -v, --version    show the version

When the output file exists and was written by this tool, its editable columns (manual tier, review status,
outcome, callback result, ...) and its history are kept; a file this tool did not write is never overwritten.

Exit codes: 0 every customer scored, no errors; 1 some rows had problems (outputs still written);
2 nothing could be done (unreadable file, no register, bad arguments).
In a batch one bad workbook never stops the others; the exit code is the worst of them.`,
};

const ARG_ERRORS: Record<ArgErrorCode, (arg: string) => Msg> = {
  noInput: () => ({ zh: "缺少输入文件：customer-tiers <输入.xlsx>（--help 查看用法）", en: "Missing input file: customer-tiers <input.xlsx> (see --help)" }),
  unknownOption: (a) => ({ zh: `未知选项 ${a}（--help 查看用法）`, en: `Unknown option ${a} (see --help)` }),
  missingValue: (a) => ({ zh: `选项 ${a} 需要一个值`, en: `Option ${a} needs a value` }),
  badLang: (a) => ({ zh: `不支持的语言“${a}”：请用 zh-CN 或 en-US`, en: `Unsupported language "${a}": use zh-CN or en-US` }),
  badDate: (a) => ({ zh: `日期“${a}”无效：请写作 YYYY-MM-DD，例如 2024-06-30`, en: `Invalid date "${a}": write YYYY-MM-DD, e.g. 2024-06-30` }),
  badJobs: (a) => ({ zh: `--jobs 的值“${a}”无效：请写 1 到 256 之间的整数`, en: `Invalid --jobs "${a}": write a whole number from 1 to 256` }),
  badFormat: (a) => ({ zh: `不支持的结果格式“${a}”：请用 --format csv <文件> 或 --format json <文件>`, en: `Unsupported results format "${a}": use --format csv <file> or --format json <file>` }),
  outWithMany: () => ({
    zh: "处理多个工作簿时不能用 --out（每个工作簿各有输出）：请用 --out-dir <文件夹>",
    en: "--out cannot be used with several workbooks (each has its own output): use --out-dir <folder>",
  }),
  templateWithInput: (a) => ({
    zh: `--template 只写出空白模板，不处理工作簿“${a}”：请分两次运行`,
    en: `--template only writes a blank template and does not run "${a}": run them separately`,
  }),
};

const READ_ERRORS: Record<ReadErrorKind, (file: string) => Msg> = {
  missing: (f) => ({ zh: `找不到文件：${f}`, en: `File not found: ${f}` }),
  notFile: (f) => ({ zh: `不是文件（可能是文件夹）：${f}`, en: `Not a file (a folder?): ${f}` }),
  unreadable: (f) => ({ zh: `无法读取文件（请检查权限）：${f}`, en: `Cannot read the file (check its permissions): ${f}` }),
  notWorkbook: (f) => ({ zh: `不是 Excel 工作簿（.xlsx）：${f}`, en: `Not an Excel workbook (.xlsx): ${f}` }),
  encrypted: (f) => ({
    zh: `工作簿设有打开密码（已加密），无法读取：${f}。请在 Excel 中取消密码（文件 → 信息 → 保护工作簿 → 用密码进行加密）后另存再试。`,
    en: `The workbook is password-protected (encrypted) and cannot be read: ${f}. Remove the password in Excel (File → Info → Protect Workbook → Encrypt with Password), save, and try again.`,
  }),
  legacyXls: (f) => ({
    zh: `这是旧版 .xls 格式，无法读取：${f}。请在 Excel 中另存为 .xlsx 后再试。`,
    en: `This is the old .xls format, which cannot be read: ${f}. Save it as .xlsx in Excel and try again.`,
  }),
  damaged: (f) => ({ zh: `工作簿已损坏或格式无法识别：${f}`, en: `The workbook is damaged or in a format that cannot be read: ${f}` }),
  tooLarge: (f) => ({ zh: `工作簿超出安全读取的上限，已拒绝读取：${f}`, en: `The workbook is past what can be read safely and was refused: ${f}` }),
};

/** What exactly is damaged (or too large), and where, in both languages. */
const DAMAGE: Record<DamageCode, (d: ReadDamage) => Msg> = {
  zip: (d) => ({ zh: `ZIP 结构无法读取（${d.detail ?? ""}）。`, en: `Its zip structure cannot be read (${d.detail ?? ""}).` }),
  crc: (d) => ({ zh: `部件 ${d.part} 的 CRC-32 校验不符：数据已被改动或损坏。`, en: `Part ${d.part} fails its CRC-32 check: its data was altered or damaged.` }),
  deflate: (d) => ({ zh: `部件 ${d.part} 的压缩数据已损坏。`, en: `The compressed data of part ${d.part} is damaged.` }),
  size: (d) => ({ zh: `部件 ${d.part} 的数据量与其声明的大小不符。`, en: `Part ${d.part} holds more or less data than it declares.` }),
  duplicate: (d) => ({ zh: `压缩包中有两个同名部件 ${d.part}（部件名不区分大小写）。`, en: `The package has two entries named ${d.part} (part names ignore case).` }),
  method: (d) => ({ zh: `部件 ${d.part} 使用了工作簿不会使用的压缩方式或加密（${d.detail ?? ""}）。`, en: `Part ${d.part} uses a compression or encryption workbooks never use (${d.detail ?? ""}).` }),
  missingPart: (d) => ({
    zh: `缺少部件 ${d.part}${d.sheet !== undefined ? `（工作表“${d.sheet}”${d.detail ? `，${d.detail}` : ""}）` : ""}。`,
    en: `Part ${d.part} is missing${d.sheet !== undefined ? ` (sheet "${d.sheet}"${d.detail ? `, ${d.detail}` : ""})` : ""}.`,
  }),
  notXml: (d) => ({ zh: `部件 ${d.part} 不是格式正确的 XML（${d.detail ?? ""}）。`, en: `Part ${d.part} is not well-formed XML (${d.detail ?? ""}).` }),
  cellAddress: (d) => ({
    zh: `工作表“${d.sheet}”中的单元格地址 ${d.cell} 超出 XFD1048576 或无效${d.detail ? `（它位于第 ${d.detail} 行）` : ""}。`,
    en: `Sheet "${d.sheet}" has the cell address ${d.cell}, past XFD1048576 or not an address${d.detail ? ` (it stands in row ${d.detail})` : ""}.`,
  }),
  rowAddress: (d) => ({ zh: `工作表“${d.sheet}”中的行号 ${d.cell} 超出 1,048,576 或无效。`, en: `Sheet "${d.sheet}" has the row number ${d.cell}, past 1,048,576 or not a number.` }),
  tooManyRows: (d) => ({ zh: `工作表“${d.sheet}”的行数超过 1,048,576。`, en: `Sheet "${d.sheet}" has more than 1,048,576 rows.` }),
  cellValue: (d) => ({ zh: `工作表“${d.sheet}”单元格 ${d.cell} 的值与其类型不符（${d.detail ?? ""}）。`, en: `Cell ${d.cell} of sheet "${d.sheet}" holds a value that contradicts its type (${d.detail ?? ""}).` }),
  inflation: (d) => ({
    zh: `解压后的数据超过上限 ${d.detail ?? ""}（文件大小的 200 倍，最多 2 GB），可能是“压缩炸弹”（部件 ${d.part}）。`,
    en: `Its parts inflate past the cap of ${d.detail ?? ""} (200 × the file, at most 2 GB): possibly a zip bomb (part ${d.part}).`,
  }),
  xmlItem: (d) => ({ zh: `部件 ${d.part} 中有单项 XML 内容超出上限（${d.detail ?? ""}）。`, en: `Part ${d.part} has a single XML item past the reader's bound (${d.detail ?? ""}).` }),
  cells: (d) => ({
    zh: `单元格超过上限 ${d.detail ?? ""}（含行内空白单元格）${d.sheet !== undefined ? `，在工作表“${d.sheet}”` : ""}。`,
    en: `More than ${d.detail ?? ""} cells (counting blanks inside rows)${d.sheet !== undefined ? `, in sheet "${d.sheet}"` : ""}.`,
  }),
};

const TEXTS = {
  outputIsInput: { zh: "输出文件不能与输入文件相同：输入文件绝不会被修改。", en: "The output file cannot be the input file: the input is never modified." },
  outputForeign: {
    zh: "输出文件 {file} 已存在，但不是本工具生成的，不会覆盖它。请用 --out 指定其他文件名。",
    en: "The output file {file} exists but was not written by this tool, so it is not overwritten. Choose another name with --out.",
  },
  outputForeignSheets: {
    zh: "输出文件 {file} 中有不是本工具生成的工作表（{sheets}），重新生成会丢失它们，因此未覆盖。请把这些工作表移到其他工作簿，或用 --out 指定其他文件名。",
    en: "The output file {file} has sheets this tool did not write ({sheets}); rewriting it would lose them, so it is not overwritten. Move them to another workbook or choose another name with --out.",
  },
  outputUnreadable: {
    zh: "输出文件 {file} 已存在但无法读取（{reason}），不会覆盖它。请用 --out 指定其他文件名。",
    en: "The output file {file} exists but cannot be read ({reason}), so it is not overwritten. Choose another name with --out.",
  },
  writeFailed: { zh: "无法写入输出文件 {file}：{reason}", en: "Cannot write the output file {file}: {reason}" },
  internalError: { zh: "内部错误：{reason}", en: "Internal error: {reason}" },
  title: { zh: "客户分级维护助手 — {file}", en: "Customer Tiers — {file}" },
  asOf: { zh: "评估日期 {date}；客户 {n} 名", en: "As of {date}; {n} customers" },
  sheets: { zh: "工作表：{list}", en: "Sheets: {list}" },
  tiers: { zh: "等级：{list}", en: "Tiers: {list}" },
  verdicts: { zh: "建议：{list}", en: "Verdicts: {list}" },
  problems: { zh: "问题：错误 {error} · 警告 {warning} · 提示 {note}", en: "Problems: {error} errors · {warning} warnings · {note} notes" },
  moreProblems: { zh: "  ……另有 {n} 条，详见输出中的“数据问题”工作表", en: "  … and {n} more: see the Data Problems tab of the output" },
  output: { zh: "输出：{file}", en: "Output: {file}" },
  kept: { zh: "（已保留上次输出中的编辑和历史）", en: "(edits and history of the previous output kept)" },
  progressBatch: { zh: "已完成 {done}/{total} 个工作簿", en: "{done}/{total} workbooks done" },
  outputClash: {
    zh: "输出文件 {file} 与 {other} 的输出重名（--out-dir 中同名的工作簿），未处理此工作簿。请改名或分开运行。",
    en: "The output {file} clashes with that of {other} (workbooks of the same name in --out-dir); this workbook was not run. Rename it or run it separately.",
  },
  noWorkbooks: { zh: "没有找到要处理的工作簿（.xlsx）", en: "No workbooks (.xlsx) found to run" },
  batchLine: { zh: "{file}：{tiers}；{verdicts}；错误 {error} · 警告 {warning} → {output}", en: "{file}: {tiers}; {verdicts}; {error} errors · {warning} warnings → {output}" },
  batchFailed: { zh: "{file}：未能处理 — {message}", en: "{file}: failed — {message}" },
  batchTotal: { zh: "共 {n} 个工作簿（成功 {ok}，有问题 {problems}，失败 {failed}），客户 {customers} 名；{tiers}；{verdicts}", en: "{n} workbooks ({ok} done, {problems} with problems, {failed} failed), {customers} customers; {tiers}; {verdicts}" },
  batchSummaryFile: { zh: "汇总工作簿：{file}", en: "Summary workbook: {file}" },
  batchResultsFile: { zh: "客户结果文件：{file}", en: "Customer results: {file}" },
  templateWritten: {
    zh: "已写入空白模板 {file}：客户状况登记表、客户关系评估表、评估模型、设置，各有一行示例。填好后运行 customer-tiers {file}。",
    en: "Blank template written to {file}: register, evaluation, model and settings sheets, one example row each. Fill it in, then run customer-tiers {file}.",
  },
  templateExists: {
    zh: "文件 {file} 已存在，模板不会覆盖它。请换一个文件名。",
    en: "The file {file} exists; the template does not overwrite it. Choose another name.",
  },
  carried: {
    zh: "已保留上次输出中的编辑和历史：可编辑列 {editableCells} 格，自加列 {userColumns} 列（{userColumnCells} 格），自加行 {userRows} 行，下拉列表外的值 {outsideChoices} 个；计算列中的改动 {computedEditsReplaced} 处已按新结果替换，行已不在的内容 {editsReported} 处，均列入“数据问题”。",
    en: "Carried from the previous output with its history: {editableCells} edited cells, {userColumns} added columns ({userColumnCells} cells), {userRows} added rows, {outsideChoices} values outside a list; {computedEditsReplaced} changes in computed columns replaced by the new results and {editsReported} typed values whose row is gone, all listed under Data Problems.",
  },
  progressRead: { zh: "读取 {sheet}：{n} 行", en: "Reading {sheet}: {n} rows" },
  progressScore: { zh: "计算中……", en: "Scoring…" },
  progressWrite: { zh: "写入 {sheet}：{done}/{total}", en: "Writing {sheet}: {done}/{total}" },
  roleRegister: { zh: "登记表", en: "register" },
  roleEvaluation: { zh: "评估表", en: "evaluation" },
  roleModel: { zh: "评估模型", en: "model" },
  roleSettings: { zh: "设置", en: "settings" },
  layoutLong: { zh: "长表", en: "long" },
  layoutWide: { zh: "宽表", en: "wide" },
  layoutForm: { zh: "表单", en: "form" },
} satisfies Record<string, Msg>;

export type TextKey = keyof typeof TEXTS;

function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ""));
}

function pickMsg(m: Msg, lang: Lang): string {
  return lang === "zh-CN" ? m.zh : m.en;
}

/** A command-line text in a language, with {params} filled in. */
export function text(key: TextKey, lang: Lang, params: Record<string, string | number> = {}): string {
  return fill(pickMsg(TEXTS[key], lang), params);
}

/** The --help text. */
export function helpText(lang: Lang): string {
  return pickMsg(HELP, lang);
}

/** The message for a bad command line. */
export function argErrorText(code: ArgErrorCode, arg: string, lang: Lang): string {
  return pickMsg(ARG_ERRORS[code](arg), lang);
}

/** The message for an unreadable input or output workbook. */
export function readErrorText(kind: ReadErrorKind, file: string, lang: Lang, damage?: ReadDamage): string {
  const head = pickMsg(READ_ERRORS[kind](file), lang);
  return damage ? `${head}${lang === "zh-CN" ? "。" : ". "}${pickMsg(DAMAGE[damage.code](damage), lang)}` : head;
}
