/** An ECharts chart rendered as SVG; the library is loaded only when a chart is shown. */
import { useEffect, useRef } from "react";

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
    void import("echarts").then((echarts) => {
      if (disposed || !ref.current) return;
      const c = echarts.init(ref.current, null, { renderer: "svg" });
      c.setOption({ animation: false, textStyle: { fontFamily: "inherit" }, ...option });
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
