/**
 * "Copy as code": the exact request a job sent, as curl, Python or JavaScript, for the AceData
 * API. The token is always the placeholder `{token}` — never the person's real token.
 */
import type { ImagineRequest } from '../../../api/contract';

export type CodeLanguage = 'curl' | 'python' | 'javascript';

const URL = 'https://api.acedata.cloud/midjourney/imagine';

/** The request body to show: everything but the client-only trace id. */
function body(request: ImagineRequest): Record<string, unknown> {
  const { trace_id: _trace, ...rest } = request;
  return rest;
}

/** Source code that sends `request` to the Imagine API. */
export function requestAsCode(request: ImagineRequest, language: CodeLanguage): string {
  const json = JSON.stringify(body(request), null, 2);
  switch (language) {
    case 'curl':
      return [
        `curl -X POST '${URL}' \\`,
        `  -H 'accept: application/json' \\`,
        `  -H 'authorization: Bearer {token}' \\`,
        `  -H 'content-type: application/json' \\`,
        `  -d '${json.replace(/'/g, `'\\''`)}'`,
      ].join('\n');
    case 'python':
      return [
        'import requests',
        '',
        `url = "${URL}"`,
        'headers = {',
        '    "accept": "application/json",',
        '    "authorization": "Bearer {token}",',
        '    "content-type": "application/json",',
        '}',
        `payload = ${pythonLiteral(body(request))}`,
        '',
        'response = requests.post(url, json=payload, headers=headers)',
        'print(response.text)',
      ].join('\n');
    case 'javascript':
      return [
        `const response = await fetch('${URL}', {`,
        "  method: 'POST',",
        '  headers: {',
        "    accept: 'application/json',",
        "    authorization: 'Bearer {token}',",
        "    'content-type': 'application/json',",
        '  },',
        `  body: JSON.stringify(${json.replace(/\n/g, '\n  ')}),`,
        '});',
        'console.log(await response.json());',
      ].join('\n');
  }
}

/** A Python literal for JSON-like data (True/False/None instead of true/false/null). */
function pythonLiteral(value: unknown, indent = ''): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number' || typeof value === 'string') return JSON.stringify(value);
  const next = `${indent}    `;
  if (Array.isArray(value)) return `[${value.map((v) => pythonLiteral(v, next)).join(', ')}]`;
  const entries = Object.entries(value as Record<string, unknown>).map(
    ([k, v]) => `${next}${JSON.stringify(k)}: ${pythonLiteral(v, next)}`,
  );
  return `{\n${entries.join(',\n')}\n${indent}}`;
}
