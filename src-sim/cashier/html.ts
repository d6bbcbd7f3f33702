const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESC[c] ?? c);
}

/** A phone-sized page. `body` must already be escaped. */
export function page(title: string, body: string, accent = '#07c160'): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1,maximum-scale=1">
<title>${esc(title)}</title>
<style>
body{font-family:-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;margin:0;background:#f2f2f2;color:#111}
main{max-width:420px;margin:0 auto;padding:24px 16px}
h1{font-size:18px;font-weight:500;text-align:center}
.amount{font-size:40px;text-align:center;font-variant-numeric:tabular-nums;margin:12px 0 24px}
.card{background:#fff;border-radius:8px;padding:16px;margin-bottom:16px}
label{display:block;margin:8px 0 4px;color:#666;font-size:14px}
select,input{width:100%;box-sizing:border-box;font-size:18px;padding:10px;border:1px solid #ddd;border-radius:6px}
button{width:100%;font-size:18px;padding:12px;border:0;border-radius:6px;margin-top:12px}
.pay{background:${accent};color:#fff}.cancel{background:#fff;color:#333;border:1px solid #ddd}
.msg{text-align:center;font-size:16px}.code{font-family:monospace;font-size:22px;text-align:center;letter-spacing:2px}
img{display:block;margin:0 auto}
</style></head><body><main>${body}</main></body></html>`;
}

export const ACCENT: Record<'WECHAT' | 'ALIPAY' | 'UNIONPAY', string> = {
  WECHAT: '#07c160',
  ALIPAY: '#1677ff',
  UNIONPAY: '#e60012',
};
export const APP_NAME: Record<'WECHAT' | 'ALIPAY' | 'UNIONPAY', string> = {
  WECHAT: '微信支付',
  ALIPAY: '支付宝',
  UNIONPAY: '云闪付',
};
