export const zhCN = {
  app: { title: '市场收银' },
  status: { online: '在线', offline: '离线', queue: '待同步 {{count}} 笔', oldest: '最早 {{age}}', printer_ready: '打印机正常', printer_printing: '正在打印', printer_error: '打印机故障：{{message}}', printer_none: '未接打印机' },
  catalog: { title: '商品', per: '元/{{unit}}' },
  units: { jin: '斤', kg: '公斤', piece: '件' },
  keypad: { weight: '输入重量（{{unit}}）', count: '输入数量（件）', ok: '确定', cancel: '取消', clear: '清除', invalid: '请输入有效的数量' },
  cart: { rounding: '抹零', title: '购物车', empty: '点商品开始收银', total: '合计', remove: '删除', clear: '清空' },
  pay: { cash: '现金收款', tendered: '实收金额（元）', change: '找零', confirm: '确认收款', short: '实收不足，还差 ¥{{amount}}', exact: '刚好' },
  done: { title: '收款完成', receipt: '小票号', change: '找零', printed: '小票已打印', print_failed: '小票未打印：{{message}}（已保存，可重打）', next: '下一位' },
  errors: { generic: '出错了：{{message}}', unauthorized: '没有启动令牌，请从收银程序打开的地址进入。' },
  signin: { title: '请输入收银员密码', pin: '密码', submit: '登录', signout: '退出', wrong_pin: '密码不对，请重试', locked: '错误次数太多，请稍候再试' },
  commands: { pay: '收款', next: '下一位', cancel: '返回', clear_cart: '清空' },
} as const;
