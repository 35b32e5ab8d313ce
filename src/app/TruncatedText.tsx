// Names come from Gluster and remote sites: they may be long, contain markup or quotes. React
// renders them as text; long ones are cut with an ellipsis and shown whole in a tooltip.
import { Tooltip } from '@patternfly/react-core';

/** Longer than this, the text is truncated visually and gets a tooltip (and is focusable for it). */
export const TRUNCATE_AT = 40;

/** `text` with a line-break opportunity after each dot (host names in narrow columns). */
function breakAfterDots(text: string) {
  const parts = text.split('.');
  return parts.map((p, i) => (
    <span key={i}>
      {p}
      {i < parts.length - 1 ? (
        <>
          .<wbr />
        </>
      ) : null}
    </span>
  ));
}

export function TruncatedText({
  text,
  max = TRUNCATE_AT,
  breakDots = false,
}: {
  text: string;
  max?: number;
  /** May break after a dot (a host name), rather than widen its column. */
  breakDots?: boolean;
}) {
  if (Array.from(text).length <= max)
    return <span className="georep-name">{breakDots ? breakAfterDots(text) : text}</span>;
  return (
    <Tooltip content={<span className="georep-tooltip-text">{text}</span>}>
      <span className="georep-name georep-name--truncated" tabIndex={0} title={text}>
        {text}
      </span>
    </Tooltip>
  );
}
