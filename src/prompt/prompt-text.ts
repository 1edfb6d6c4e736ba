/**
 * The text part of a prompt on its own: what translate and shorten work on. Image URLs and
 * `--params` are not words to translate or shorten, so they are taken out first and put back as
 * they were around the new text.
 */
import { joinPrompt, splitPrompt } from '../api/prompt-syntax';

/** The prompt's text, without its leading image URLs and its `--params`. */
export function promptText(prompt: string): string {
  return splitPrompt(prompt).text;
}

/** `prompt` with its text replaced by `text`, its image URLs and `--params` kept. */
export function replacePromptText(prompt: string, text: string): string {
  const { imageUrls, params } = splitPrompt(prompt);
  return joinPrompt({ imageUrls, text: splitPrompt(text).text, params });
}

/**
 * A shorten candidate as a prompt to use: the candidate's words with the original prompt's image
 * URLs and `--params` (the service may drop or change them — reference other-endpoints §6).
 */
export function withOriginalParams(candidate: string, original: string): string {
  return replacePromptText(original, candidate);
}
