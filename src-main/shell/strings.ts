/** The shell's own words, shown before the UI (and its i18n) can load: zh-CN first, English after. */
export const SHELL_STRINGS = {
  cannotStartTitle: '收银程序无法启动 MarketTill cannot start',
  cannotStart:
    "收银程序的本地组件与这台电脑不匹配，请联系维护人员重新安装。\nThe till's core cannot run on this installation; ask your support to reinstall it.",
} as const;
