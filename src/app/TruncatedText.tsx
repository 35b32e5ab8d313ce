// Names come from Gluster and remote sites: they may be long, contain markup or quotes. React
// renders them as text; long ones are cut with an ellipsis and shown whole in a tooltip.
import { Tooltip } from '@patternfly/react-core';

/** Longer than this, the text is truncated visually and gets a tooltip (and is focusable for it). */
export const TRUNCATE_AT = 40;

export function TruncatedText({ text, max = TRUNCATE_AT }: { text: string; max?: number }) {
  if ([...text].length <= max) return <span className="georep-name">{text}</span>;
  return (
    <Tooltip content={<span className="georep-tooltip-text">{text}</span>}>
      <span className="georep-name georep-name--truncated" tabIndex={0} title={text}>
        {text}
      </span>
    </Tooltip>
  );
}
