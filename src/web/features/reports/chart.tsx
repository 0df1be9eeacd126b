import { useEffect, useRef } from 'react';
import { BarChart, HeatmapChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, HeatmapChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, VisualMapComponent, SVGRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

/** Colours with at least 3:1 contrast against white (WCAG 1.4.11), told apart by more than hue in the tables. */
export const PALETTE = ['#1d5c63', '#b5541b', '#5b4a9e', '#2f6f2f', '#8a2c52', '#64748b'];

/**
 * One ECharts chart. The picture is for the eye: screen readers get the label here and the data
 * table printed beside every chart, so the chart itself is hidden from the accessibility tree.
 */
export function Chart({ option, label, height = 320 }: { option: ChartOption; label: string; height?: number }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: 'svg' });
    chart.setOption({ color: PALETTE, textStyle: { fontFamily: 'system-ui, sans-serif', color: '#1b2725' }, animation: false, ...option });
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.dispose();
    };
  }, [option]);
  return (
    <figure className="report-chart">
      <div ref={ref} style={{ height }} aria-hidden="true" />
      <figcaption className="visually-hidden">{label}</figcaption>
    </figure>
  );
}
