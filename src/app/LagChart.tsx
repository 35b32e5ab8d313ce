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
  points: { t: number; lagMinutes: number }[];
  title: string;
  description: string;
  /** Axis and tooltip words. */
  timeLabel: (t: number) => string;
  lagLabel: (minutes: number) => string;
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
  const max = Math.max(1, ...points.map((p) => p.lagMinutes));
  return (
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
      height={160}
      width={width}
      padding={{ top: 10, bottom: 40, left: 60, right: 20 }}
      maxDomain={{ y: max * 1.1 }}
      minDomain={{ y: 0 }}
      scale={{ x: 'time', y: 'linear' }}
    >
      <ChartAxis tickFormat={(t: number) => timeLabel(t)} tickCount={5} />
      <ChartAxis dependentAxis showGrid tickFormat={(m: number) => lagLabel(m)} tickCount={4} />
      <ChartGroup>
        <ChartLine data={points.map((p) => ({ x: p.t, y: p.lagMinutes }))} />
      </ChartGroup>
    </Chart>
  );
}
