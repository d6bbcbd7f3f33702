/** Every string the staff web shows, zh-CN first; `en` must have the same keys (checked by type). */
export const adminZh = {
  app: { title: '市场管理后台', lang: 'English', logout: '退出登录', day: '营业日', loading: '加载中…', error: '出错了：{{msg}}', retry: '重试' },
  nav: { dashboard: '今日概览', eod: '日结核对', recon: '对账差错', settlement: '结算报表', terminals: '收银终端', prices: '今日价格', catalog: '商品目录', buyers: '采购商', settings: '摊位设置' },
  stall: { label: '摊位' },
  unit: { jin: '斤', kg: '公斤', piece: '件' },
  cat: {
    title: '商品目录', search: '搜索编码、名称或拼音首字母', code: '编码', name: '名称', pinyin: '拼音', unit: '单位', price: '单价（元）', category: '分类', ean: '条码 EAN', add: '添加商品',
    edit: '编辑', save: '保存', cancel: '取消', history: '价格历史', noHistory: '暂无价格记录', changedAt: '时间', changedBy: '操作人', from: '原价', to: '新价', none: '该摊位还没有商品',
    templates: '从市场模板添加', copy: '添加所选 {{n}} 个', close: '关闭', inCatalog: '已在目录', added: '已添加 {{n}} 个商品', count: '共 {{n}} 个商品',
  },
  export: { csv: '导出 CSV', xlsx: '导出 Excel' },
  settings: {
    title: '摊位设置', hint: '保存后立即下发到该摊位的收银机。', rounding: '抹零规则', override: '允许收银员改价（早晚市调价）', refund: '收银员可直接退款的金额上限（元），超过需店长密码',
    save: '保存并下发', saved: '已保存，收银机已收到新设置', badRefund: '请输入金额（元），最多两位小数',
  },
  rounding: { none: '不抹零', floor_jiao: '抹分（12.34 → 12.30）', round_jiao: '四舍五入到角（12.35 → 12.40）', floor_yuan: '抹角（12.34 → 12.00）' },
  buyer: {
    title: '采购商', add: '添加采购商', name: '采购商名称', phone: '电话', limit: '赊账额度（元）', owed: '欠款（元）', since: '欠款起始日', over: '超额度', none: '该摊位还没有采购商',
    badLimit: '请输入额度金额（元），最多两位小数', statement: '对账单', statementOf: '{{name}} 对账单', from: '从', to: '到', print: '打印', range: '{{from}} 至 {{to}}',
    day: '营业日', what: '摘要', ref: '单号', amount: '金额（元）', balance: '余额（元）', opening: '期初余额', closing: '期末余额', totals: '本期赊账 {{charged}}，还款/退款 {{repaid}}',
  },
  buyerTxn: { sale_credit: '赊账销售', repayment: '还款', refund_credit: '赊账退款' },
  board: {
    title: '今日价格', hint: '输入新价格后按回车跳到下一个；Ctrl+S 保存。', current: '现价', next: '新价（元）', save: '保存并下发到收银机', saving: '保存中…', changed: '改动 {{n}} 个',
    saved: '已保存 {{n}} 个价格，收银机配置版本 {{v}}', nothing: '没有改动', filter: '筛选', bad: '请输入大于 0 的金额，最多两位小数', tooHigh: '单价不能超过 ¥{{max}}', fix: '有 {{n}} 个价格有误，请先改正',
  },
  login: { title: '员工登录', username: '用户名', password: '密码', submit: '登录', failed: '登录失败：{{msg}}' },
  dash: {
    total: '成交总额', sales: '笔数', byStall: '各摊位成交', byTender: '支付方式', byWallet: '钱包', hourly: '分时成交（元）', terminals: '终端状态',
    online: '在线', offline: '离线', lag: '同步延迟', lastSeen: '最后联系', never: '从未联系', unpaid: '未付款二维码', receivables: '采购商赊账', owed: '欠款', none: '暂无',
    stall: '摊位', terminal: '终端', amount: '金额',
  },
  tender: { cash: '现金', qr: '扫码支付', payment_code: '付款码', account: '赊账', wechat: '微信支付', alipay: '支付宝', unionpay: '云闪付', unknown: '钱包未知' },
  takings: { paid: '实收', receivable: '应收未收', pending: '待确认', account: '赊账', owed: '待补收', open: '未完成 {{n}} 笔', failed: '付款失败', reversed: '已撤销' },
  eod: {
    title: '日结核对', stall: '摊位', terminal: '终端', server: '服务器', zreport: 'Z 报表', count: '笔数', gross: '销售额', refunds: '退款',
    noZ: '未日结', ok: '一致', diff: '差异', confirm: '确认日结', confirmed: '已确认（{{by}}，{{at}}）', note: '说明（有差异时必填）', noTerminals: '当日无终端数据', why: '原因', missingZ: '该终端未做日结', fewer: '终端日结时少 {{n}} 笔、¥{{amt}}：日结后才同步的单据', more: '服务器少 {{n}} 笔、¥{{amt}}：终端还有单据未同步', amountOnly: '笔数一致，金额差 ¥{{amt}}',
  },
  recon: {
    title: '对账差错', billDay: '账单日', run: '拉取账单并对账', running: '对账中…', reconciled: '已平账：无未解释差错', open: '待处理 {{n}} 条', lastRun: '最近一次：{{state}}，{{rows}} 行，匹配 {{matched}}，差错 {{diffs}}，自动处理 {{auto}}',
    noRun: '该日尚未对账', kind: '类型', order: '订单号', inst: '机构', plat: '本地', cause: '原因', suggestion: '建议', status: '状态', action: '处理', note: '备注', by: '处理人',
    doIt: '执行', explainNote: '请填写说明', showResolved: '显示已处理', auto: '系统自动',
  },
  runState: { done: '完成', failed: '失败', running: '进行中' },
  pstate: { paid: '已支付', pending: '处理中', ended: '已关闭', reversed: '已撤销', succeeded: '已退款', failed: '失败', SUCCESS: '成功', PROCESSING: '处理中', REVOKED: '已撤销', ABNORMAL: '异常', CLOSED: '已关闭' },
  kind: { long: '长款', short: '短款', amount: '金额不符', status: '状态不符', cross_midnight: '跨日' },
  cause: { lost_notification: '通知丢失', cross_midnight: '日切', refund_snapshot: '退款状态快照', near_midnight: '临近零点', ended_but_paid: '本地已关单，机构已收款', unknown: '待查' },
  suggestion: { auto_mark_paid: '自动补单', auto_redate: '自动调账', auto_requery_refund: '自动复查退款', bu_dan: '补单', refund: '退款', suspense: '挂账', await_next_bill: '等次日账单' },
  action: { bu_dan: '补单', suspense: '挂账', refund: '已退款', explain: '说明并关闭' },
  resolution: { marked_paid: '已补单（自动）', redated: '已调账（自动）', requeried: '已复查（自动）', healed: '已自愈', bu_dan: '已补单', refund: '已退款', suspense: '已挂账', explained: '已说明' },
  settle: { title: '结算报表', merchant: '商户', payments: '笔数', gross: '交易额', refunds: '退款', chanFee: '渠道手续费', mktFee: '市场服务费', net: 'T+1 应结', inst: '机构交易额', instNet: '机构应结', feeIncome: '市场费收入', type: '类型', income: '收入', export: '导出 CSV', ledger: '科目明细 CSV', recon: '对账差错 CSV' },
  txn: { split: '市场服务费（分账）', market_fee: '市场费（开票）' },
  term: { title: '收银终端', stall: '摊位', name: '名称', status: '状态', create: '登记新终端', pairing: '配对码', expires: '{{min}} 分钟内有效', revoke: '吊销', revokeConfirm: '吊销后该终端立即无法同步，确定？', pending: '待配对', active: '使用中', revoked: '已吊销', scan: '在收银机上输入配对码或扫描二维码' },
};

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

export const adminEn: Shape<typeof adminZh> = {
  app: { title: 'Market office', lang: '中文', logout: 'Log out', day: 'Business day', loading: 'Loading…', error: 'Something went wrong: {{msg}}', retry: 'Retry' },
  nav: { dashboard: 'Today', eod: 'End of day', recon: 'Reconciliation', settlement: 'Settlement', terminals: 'Terminals', prices: "Today's prices", catalog: 'Catalog', buyers: 'Buyers', settings: 'Stall settings' },
  stall: { label: 'Stall' },
  unit: { jin: 'jin', kg: 'kg', piece: 'piece' },
  cat: {
    title: 'Catalog', search: 'Search code, name or pinyin initials', code: 'Code', name: 'Name', pinyin: 'Pinyin', unit: 'Unit', price: 'Price (CNY)', category: 'Category', ean: 'EAN', add: 'Add product',
    edit: 'Edit', save: 'Save', cancel: 'Cancel', history: 'Price history', noHistory: 'No prices yet', changedAt: 'When', changedBy: 'By', from: 'Was', to: 'Now', none: 'This stall has no products yet',
    templates: 'Add from market templates', copy: 'Add the {{n}} chosen', close: 'Close', inCatalog: 'in catalog', added: '{{n}} products added', count: '{{n}} products',
  },
  export: { csv: 'Export CSV', xlsx: 'Export Excel' },
  settings: {
    title: 'Stall settings', hint: "Saved settings reach the stall's tills at once.", rounding: 'Rounding (抹零)', override: 'Cashiers may override prices (morning/evening prices)', refund: 'Refunds a cashier may do without a manager, up to (CNY)',
    save: 'Save and send', saved: 'Saved; the tills have the new settings', badRefund: 'Type an amount in CNY, at most two decimals',
  },
  rounding: { none: 'No rounding', floor_jiao: 'Drop the fen (12.34 → 12.30)', round_jiao: 'Nearest jiao (12.35 → 12.40)', floor_yuan: 'Drop jiao and fen (12.34 → 12.00)' },
  buyer: {
    title: 'Buyers', add: 'Add buyer', name: 'Buyer', phone: 'Phone', limit: 'Credit limit (CNY)', owed: 'Owed (CNY)', since: 'Owed since', over: 'over limit', none: 'This stall has no buyers yet',
    badLimit: 'Type the limit in CNY, at most two decimals', statement: 'Statement', statementOf: 'Statement of {{name}}', from: 'From', to: 'To', print: 'Print', range: '{{from}} to {{to}}',
    day: 'Business day', what: 'What', ref: 'Ref', amount: 'Amount (CNY)', balance: 'Balance (CNY)', opening: 'Opening balance', closing: 'Closing balance', totals: 'Charged {{charged}}, repaid/refunded {{repaid}}',
  },
  buyerTxn: { sale_credit: 'Sale on account', repayment: 'Repayment', refund_credit: 'Refund on account' },
  board: {
    title: "Today's prices", hint: 'Type a new price and press Enter for the next one; Ctrl+S saves.', current: 'Now', next: 'New (CNY)', save: 'Save and send to the tills', saving: 'Saving…', changed: '{{n}} changed',
    saved: '{{n}} prices saved, till config version {{v}}', nothing: 'Nothing changed', filter: 'Filter', bad: 'Type an amount above 0 with at most two decimals', tooHigh: 'A price may be at most ¥{{max}}', fix: '{{n}} prices are wrong: correct them first',
  },
  login: { title: 'Staff login', username: 'Username', password: 'Password', submit: 'Log in', failed: 'Login failed: {{msg}}' },
  dash: {
    total: 'Sales total', sales: 'Sales', byStall: 'By stall', byTender: 'By tender', byWallet: 'By wallet', hourly: 'Hour by hour (CNY)', terminals: 'Terminals',
    online: 'online', offline: 'offline', lag: 'sync lag', lastSeen: 'last seen', never: 'never', unpaid: 'Unpaid QR codes', receivables: 'Buyer receivables', owed: 'owed', none: 'none',
    stall: 'Stall', terminal: 'Terminal', amount: 'Amount',
  },
  tender: { cash: 'Cash', qr: 'Receipt QR', payment_code: 'Payment code', account: 'On account', wechat: 'WeChat Pay', alipay: 'Alipay', unionpay: 'UnionPay', unknown: 'Wallet not known' },
  takings: { paid: 'Takings', receivable: 'Receivables', pending: 'Awaiting the institution', account: 'On account', owed: 'Still owed', open: '{{n}} open', failed: 'Failed', reversed: 'Reversed' },
  eod: {
    title: 'End of day', stall: 'Stall', terminal: 'Terminal', server: 'Server', zreport: 'Z report', count: 'Count', gross: 'Gross', refunds: 'Refunds',
    noZ: 'not closed', ok: 'agrees', diff: 'differs', confirm: 'Confirm day', confirmed: 'Confirmed ({{by}}, {{at}})', note: 'Note (required when it differs)', noTerminals: 'No terminal data for this day', why: 'Why', missingZ: 'This terminal did not close its day', fewer: 'The Z report has {{n}} sale(s), ¥{{amt}} fewer: entries synced after the close', more: 'The server lacks {{n}} sale(s), ¥{{amt}}: the terminal has not synced everything', amountOnly: 'Same count, amounts differ by ¥{{amt}}',
  },
  recon: {
    title: 'Reconciliation', billDay: 'Bill day', run: 'Fetch bill and reconcile', running: 'Reconciling…', reconciled: 'Reconciled: nothing unexplained', open: '{{n}} open', lastRun: 'Last run: {{state}}, {{rows}} rows, {{matched}} matched, {{diffs}} differences, {{auto}} resolved automatically',
    noRun: 'Not reconciled yet', kind: 'Kind', order: 'Order no.', inst: 'Institution', plat: 'Ours', cause: 'Cause', suggestion: 'Suggested', status: 'Status', action: 'Action', note: 'Note', by: 'By',
    doIt: 'Do it', explainNote: 'Write a note', showResolved: 'Show resolved', auto: 'automatic',
  },
  runState: { done: 'done', failed: 'failed', running: 'running' },
  pstate: { paid: 'paid', pending: 'in progress', ended: 'closed', reversed: 'reversed', succeeded: 'refunded', failed: 'failed', SUCCESS: 'success', PROCESSING: 'processing', REVOKED: 'revoked', ABNORMAL: 'abnormal', CLOSED: 'closed' },
  kind: { long: 'Long', short: 'Short', amount: 'Amount', status: 'Status', cross_midnight: 'Cross-midnight' },
  cause: { lost_notification: 'Lost notification', cross_midnight: 'Day cut-off', refund_snapshot: 'Refund snapshot', near_midnight: 'Near midnight', ended_but_paid: 'Closed here, paid there', unknown: 'To investigate' },
  suggestion: { auto_mark_paid: 'Auto: mark paid', auto_redate: 'Auto: re-date', auto_requery_refund: 'Auto: re-query refund', bu_dan: 'Complete order', refund: 'Refund', suspense: 'Suspense', await_next_bill: 'Wait for next bill' },
  action: { bu_dan: 'Complete order', suspense: 'To suspense', refund: 'Refunded', explain: 'Explain and close' },
  resolution: { marked_paid: 'Marked paid (auto)', redated: 'Re-dated (auto)', requeried: 'Re-queried (auto)', healed: 'Healed', bu_dan: 'Completed', refund: 'Refunded', suspense: 'In suspense', explained: 'Explained' },
  settle: { title: 'Settlement', merchant: 'Merchant', payments: 'Payments', gross: 'Gross', refunds: 'Refunds', chanFee: 'Channel fee', mktFee: 'Market fee', net: 'Net T+1', inst: 'Institution bill', instNet: 'Institution net', feeIncome: 'Market fee income', type: 'Type', income: 'Income', export: 'Export CSV', ledger: 'Ledger by account CSV', recon: 'Differences CSV' },
  txn: { split: 'Market fee (split)', market_fee: 'Market charges (invoiced)' },
  term: { title: 'Terminals', stall: 'Stall', name: 'Name', status: 'Status', create: 'Enrol a terminal', pairing: 'Pairing code', expires: 'valid for {{min}} minutes', revoke: 'Revoke', revokeConfirm: 'The terminal stops syncing at once. Revoke?', pending: 'awaiting pairing', active: 'in use', revoked: 'revoked', scan: 'Type the pairing code on the till or scan the QR' },
};
