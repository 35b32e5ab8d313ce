// The lag chart itself: PatternFly's charts (Victory underneath) are large, so this module is
// loaded only when a session's details open (React.lazy in LagHistory), in a chunk of its own.
// Deep imports of the ES build: the package's index pulls in every chart kind and its Victory
// packages (jest maps these paths to the CommonJS build: jest.config.js).
import { Chart } from '@patternfly/react-charts/dist/esm/victory/components/Chart/Chart';
import { ChartAxis } from '@patternfly/react-charts/dist/esm/victory/components/ChartAxis/ChartAxis';
import { ChartGroup } from '@patternfly/react-charts/dist/esm/victory/components/ChartGroup/ChartGroup';
import { ChartLine } from '@patternfly/react-charts/dist/esm/victory/components/ChartLine/ChartLine';
import { ChartVoronoiContainer } from '@patternfly/react-charts/dist/esm/victory/components/ChartVoronoiContainer/ChartVoronoiContainer';

export interface LagChartProps {
  /** Time (ms) and lag, in the unit lagLabel speaks. */
  points: { t: number; lag: number }[];
  title: string;
  description: string;
  /** Axis and tooltip words. */
  timeLabel: (t: number) => string;
  lagLabel: (lag: number) => string;
  width: number;
}

export default function LagChart({
  points,
  title,
  description,
  timeLabel,
  lagLabel,
  width,
}: LagChartProps) {
  const max = Math.max(1, ...points.map((p) => p.lag));
  // A fixed box: Victory scales its SVG to the container's width, fonts with it.
  return (
    <div style={{ width, height: 170 }}>
      <Chart
        ariaTitle={title}
        ariaDesc={description}
        containerComponent={
          <ChartVoronoiContainer
            labels={({ datum }: { datum: { x: number; y: number } }) =>
              `${timeLabel(datum.x)}: ${lagLabel(datum.y)}`
            }
            constrainToVisibleArea
          />
        }
        height={170}
        width={width}
        padding={{ top: 10, bottom: 40, left: 60, right: 20 }}
        maxDomain={{ y: max * 1.1 }}
        minDomain={{ y: 0 }}
        scale={{ x: 'time', y: 'linear' }}
      >
        <ChartAxis tickFormat={(t: number) => timeLabel(t)} tickCount={4} />
        <ChartAxis dependentAxis showGrid tickFormat={(m: number) => lagLabel(m)} tickCount={4} />
        <ChartGroup>
          <ChartLine data={points.map((p) => ({ x: p.t, y: p.lag }))} />
        </ChartGroup>
      </Chart>
    </div>
  );
}
