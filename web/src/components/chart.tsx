import { BarChart, BoxplotChart, LineChart } from 'echarts/charts';
import { AriaComponent, DatasetComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([LineChart, BarChart, BoxplotChart, GridComponent, TooltipComponent, LegendComponent, DatasetComponent, MarkLineComponent, AriaComponent, CanvasRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

/** Colour-blind-safe palette (Okabe–Ito, darkened for contrast on white). */
export const PALETTE = ['#1d4ed8', '#c2410c', '#047857', '#7c3aed', '#b45309', '#0e7490', '#be185d', '#4b5563'];

const BASE: ChartOption = {
  color: PALETTE,
  aria: { enabled: true },
  textStyle: { fontFamily: 'inherit', color: '#1f2937' },
  animationDuration: 300,
  grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
  tooltip: { confine: true },
};

interface ChartProps {
  option: ChartOption;
  /** What the chart shows, for screen readers; ECharts' aria adds a description of the data inside. */
  label: string;
  height?: number;
}

/** One ECharts instance per mounted chart, resized with its container. */
export function Chart({ option, label, height = 300 }: ChartProps) {
  const element = useRef<HTMLDivElement>(null);
  const instance = useRef<echarts.ECharts>();

  useEffect(() => {
    const chart = echarts.init(element.current!, undefined, { renderer: 'canvas' });
    instance.current = chart;
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element.current!);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, []);

  useEffect(() => {
    instance.current?.setOption({ ...BASE, ...option }, { notMerge: true });
  }, [option]);

  // ECharts writes its own aria-label (a generated description of the data) on the element it draws in.
  return (
    <div role="figure" aria-label={label}>
      <div ref={element} className="chart" role="img" style={{ height }} />
    </div>
  );
}
