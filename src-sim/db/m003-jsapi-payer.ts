/** Schema 3: the one payer a JSAPI order was made for (payer.sp_openid / sub_openid). */
export const M003_JSAPI_PAYER = `
ALTER TABLE orders ADD COLUMN payer_openid TEXT;
`;
