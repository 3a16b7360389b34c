/** An ECharts chart rendered as SVG; the library is loaded only when a chart is shown. */
import { useEffect, useRef } from "react";

const FONT = '"Noto Sans CJK JP", "Noto Sans JP", "Hiragino Sans", "Yu Gothic UI", Meiryo, sans-serif';

export function Chart({
  option,
  label,
  height = 280,
}: {
  option: Record<string, unknown>;
  label: string;
  height?: number;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let disposed = false;
    let chart: { dispose(): void; resize(): void } | null = null;
    const onResize = () => chart?.resize();
    void import("./echarts.ts").then(({ init }) => {
      if (disposed || !ref.current) return;
      const c = init(ref.current, null, { renderer: "svg" });
      // ECharts measures text on a canvas, where "inherit" means nothing: name the page's fonts.
      c.setOption({ animation: false, textStyle: { fontFamily: FONT }, ...option });
      chart = c;
      window.addEventListener("resize", onResize);
    });
    return () => {
      disposed = true;
      window.removeEventListener("resize", onResize);
      chart?.dispose();
    };
  }, [option]);
  return <div ref={ref} className="chart" role="img" aria-label={label} style={{ height }} />;
}
