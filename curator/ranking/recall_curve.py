"""The recall curve of a replay as a PNG, drawn with Pillow: includes found against records screened."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from curator.ranking.replay import ReplayResult

WIDTH, HEIGHT = 720, 480
LEFT, RIGHT, TOP, BOTTOM = 70, 20, 40, 60
CURVE = (31, 94, 168)
GUIDE = (150, 150, 150)
INK = (30, 30, 30)


def write_recall_curve(result: ReplayResult, path: Path, title: str = "") -> Path:
    """Draw the share of includes found after each record screened (past the priors) into ``path``."""
    image = Image.new("RGB", (WIDTH, HEIGHT), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default()
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    n = max(result.to_screen, 1)
    r = max(result.to_find, 1)

    def point(screened: float, recall: float) -> tuple[float, float]:
        return LEFT + plot_w * screened / n, TOP + plot_h * (1 - recall)

    draw.rectangle([LEFT, TOP, LEFT + plot_w, TOP + plot_h], outline=INK)
    for tick in range(0, 11, 2):
        share = tick / 10
        x, _ = point(share * n, 0)
        _, y = point(0, share)
        draw.line([x, TOP + plot_h, x, TOP + plot_h + 5], fill=INK)
        draw.text((x - 10, TOP + plot_h + 8), f"{round(share * n)}", fill=INK, font=font)
        draw.line([LEFT - 5, y, LEFT, y], fill=INK)
        draw.text((LEFT - 40, y - 6), f"{share:.0%}", fill=INK, font=font)
    draw.line([point(0, 0), point(n, 1)], fill=GUIDE, width=1)  # screening at random, on average
    draw.line([point(0, 0.95), point(n, 0.95)], fill=GUIDE, width=1)
    points = [point(0, 0)]
    found = 0
    for k, included in enumerate(result.screened, 1):
        if included:  # a step: flat while excludes are screened, up at each include
            points.append(point(k, found / r))
            found += 1
            points.append(point(k, found / r))
    points.append(point(n, 1.0))
    draw.line(points, fill=CURVE, width=2)
    figures = result.figures()
    draw.text((LEFT, 12), f"{title}  WSS@95 {figures['wss95']:.3f}  recall@10% {figures['recall10']:.3f}"
              f"  to 95%: {figures['screened95']}  to 100%: {figures['screened100']}".strip(), fill=INK, font=font)
    draw.text((LEFT + plot_w // 2 - 90, HEIGHT - 24), "records screened after the priors", fill=INK, font=font)
    draw.text((6, TOP - 18), "includes found", fill=INK, font=font)
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, format="PNG")
    return path
