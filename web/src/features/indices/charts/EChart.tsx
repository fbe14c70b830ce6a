import { BarChart, HeatmapChart, LineChart, RadarChart } from "echarts/charts";
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  RadarComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
} from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import ReactEChartsCoreModule from "echarts-for-react/lib/core";
import type { CSSProperties } from "react";

echarts.use([
  LineChart,
  BarChart,
  HeatmapChart,
  RadarChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  RadarComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

// The package is CommonJS: depending on the bundler's interop the component is the import or its `default`.
const ReactEChartsCore =
  (ReactEChartsCoreModule as unknown as { default?: typeof ReactEChartsCoreModule }).default ??
  ReactEChartsCoreModule;

export type EChartOption = echarts.EChartsCoreOption;

/** One ECharts chart (tree-shaken core; lives in the echarts vendor chunk). */
export function EChart({
  option,
  height = 300,
  label,
  style,
}: {
  option: EChartOption;
  height?: number;
  /** What the chart shows, for screen readers (the table beside it carries the figures). */
  label: string;
  style?: CSSProperties;
}) {
  return (
    <div role="img" aria-label={label}>
      <ReactEChartsCore
        echarts={echarts}
        option={option}
        notMerge
        lazyUpdate
        style={{ height, width: "100%", ...style }}
      />
    </div>
  );
}
