import { describe, expect, it } from 'vitest';
import { GLOSSARY } from './glossary';
import { translatePrompt } from './translate-prompt';

describe('translatePrompt', () => {
  it('translates the provider’s example', () => {
    expect(translatePrompt('精致，无暇，洁白的天使')).toBe('Exquisite, flawless, pure white angel');
  });

  it('covers subjects, styles, lighting, colours and camera words', () => {
    expect(translatePrompt('一只可爱的小猫坐在桌子上，水彩画，柔光，特写')).toBe(
      'A cute kitten sitting on table, watercolor painting, soft light, close-up',
    );
    expect(translatePrompt('赛博朋克城市，霓虹灯，夜晚，蓝色和紫色，广角')).toBe(
      'Cyberpunk city, neon lights, night, blue and purple, wide angle',
    );
  });

  it('keeps unknown words as they are', () => {
    expect(translatePrompt('一只猫和饕餮')).toBe('A cat and 饕餮');
  });

  it('keeps image URLs and --params untouched', () => {
    const url = 'https://cdn.example.com/猫.png';
    expect(translatePrompt(`${url} 森林里红色的狐狸 --ar 16:9 --no 蓝色`)).toBe(
      `${url} Forest red fox --ar 16:9 --no 蓝色`,
    );
  });

  it('leaves English as it is', () => {
    expect(translatePrompt('a red fox, golden hour --v 6')).toBe('a red fox, golden hour --v 6');
  });

  it('has a glossary of a few hundred entries', () => {
    expect(GLOSSARY.size).toBeGreaterThan(400);
  });
});
