/** The token the stand-in "AceData" engine behind the studio's pass-through requires in e2e runs. */
export const PROXY_TOKEN = 'proxy-e2e-token';
