import { describe, expect, it } from 'vitest';
import { requestAsCode } from './copy-as-code';

const request = {
  prompt: "it's a cat --ar 16:9",
  action: 'generate',
  mode: 'fast' as const,
  translation: true,
  trace_id: 'trace-123',
};

describe('requestAsCode', () => {
  it('curl sends the exact body with a token placeholder and survives quotes', () => {
    const code = requestAsCode(request, 'curl');
    expect(code).toContain('authorization: Bearer {token}');
    const data = /-d '([\s\S]*)'$/.exec(code)![1]!.replace(/'\\''/g, "'");
    expect(JSON.parse(data)).toEqual({
      prompt: "it's a cat --ar 16:9",
      action: 'generate',
      mode: 'fast',
      translation: true,
    });
  });

  it('python uses Python literals', () => {
    const code = requestAsCode(request, 'python');
    expect(code).toContain('"translation": True');
    expect(code).toContain('requests.post(url, json=payload, headers=headers)');
    expect(code).not.toContain('trace-123');
  });

  it('javascript is valid code that builds the same body', () => {
    const code = requestAsCode(request, 'javascript');
    const bodyExpr = /body: JSON\.stringify\(([\s\S]*?)\),\n\}\);/.exec(code)![1]!;
    expect(new Function(`return (${bodyExpr});`)()).toEqual({
      prompt: "it's a cat --ar 16:9",
      action: 'generate',
      mode: 'fast',
      translation: true,
    });
  });
});
