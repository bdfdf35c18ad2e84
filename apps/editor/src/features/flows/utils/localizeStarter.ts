import type { Flow } from '@clinicflow/rules';
import type { Messages } from '../../../i18n/messages';

const pascal = (text: string) =>
  text.replace(/(^|[-_])(\w)/g, (_, __, letter: string) => letter.toUpperCase());

/** The message keys of a starter's name, description and step labels (`i18n/<language>/starterMessages.ts`). */
export const starterKeys = {
  name: (starter: string) => `starter${pascal(starter)}Name`,
  description: (starter: string) => `starter${pascal(starter)}Description`,
  step: (starter: string, nodeId: string) => `starterStep${pascal(starter)}${pascal(nodeId)}`,
};

/**
 * A starter flow in the interface's language: its name, its description and its steps' labels from the message
 * catalogue (the rules library writes them in English); anything the catalogue lacks stays as the library says.
 */
export function localizeStarter(starter: string, flow: Flow, t: Messages): Flow {
  const words = t as Record<string, string>;
  return {
    ...flow,
    name: words[starterKeys.name(starter)] ?? flow.name,
    description: words[starterKeys.description(starter)] ?? flow.description,
    nodes: flow.nodes.map((node) => {
      const label = (node.data as { label?: string } | undefined)?.label;
      const said = label ? words[starterKeys.step(starter, node.id)] : undefined;
      return said ? ({ ...node, data: { ...node.data, label: said } } as typeof node) : node;
    }),
  };
}
