/**
 * The studio as the kinds' tools see it (`kinds/shared/tool-services.ts`), made from the tab's
 * services: it names no kind, so a new endpoint's tools are wired by its entry alone.
 */
import { draftPrompt, setDraftPrompt } from '../features/composer/draft-store';
import type { ToolDialog, ToolServices } from '../kinds/shared/tool-services';
import { clientConfig } from '../settings/config-store';
import type { Services } from './services';
import { toast } from './toasts';

/** The tools' services; `openDialog` shows the dialog a tool asks for. */
export function createToolServices(
  services: Services,
  openDialog: (dialog: ToolDialog) => void,
): ToolServices {
  const { runner, draft, config } = services;
  return {
    submit: (request, options) => runner.submit(request, options),
    openDialog,
    prompt: () => draftPrompt(draft),
    setPrompt: (prompt) => setDraftPrompt(draft, prompt),
    toast: (message) => toast(message),
    client: () => clientConfig(config.getState()),
    target: () => config.getState().settings.target,
  };
}
