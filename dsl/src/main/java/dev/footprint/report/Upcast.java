package dev.footprint.report;

import dev.footprint.array.DType;
import dev.footprint.array.NDArray;

/**
 * The article's last pitfall: a library function that silently turns an integer image into
 * float64 (scikit-image's {@code img_as_float}) so that a 16-bit image plus its copy costs 80
 * bits per pixel instead of 16.
 *
 * <pre>{@code
 * var image = arr.ones(UINT16, 1024, 1024);
 * Upcast.cost(image);   // table: image 16 bits/pixel, img_as_float(image) 64, both 80
 * }</pre>
 */
public final class Upcast {
    private Upcast() {}

    /**
     * {@code img_as_float}: an integer image scaled into [0, 1] (unsigned) as a new float64
     * array, in one allocation; a float image is returned as is.
     *
     * <pre>{@code
     * Upcast.imgAsFloat(arr.full(UINT16, 65535, 2, 2)).max().doubleValue();   // 1.0
     * }</pre>
     */
    public static NDArray imgAsFloat(NDArray image) {
        if (image.dtype().isFloat()) {
            return image;
        }
        if (image.dtype().isBool()) {
            return image.mul(1.0);
        }
        double max = image.dtype() == DType.UINT64 ? 18446744073709551615.0 : image.dtype().maxLong();
        return image.mul(1.0 / max);
    }

    /** The image, its float64 copy and both together, per pixel: 16 + 64 = 80 bits for a uint16 image. */
    public static FootprintTable cost(NDArray image) {
        NDArray asFloat = imgAsFloat(image);
        return FootprintTable.of("image", image, "img_as_float(image)", asFloat)
                .withTotal("image + img_as_float(image)")
                .titled("What img_as_float costs: bits per pixel");
    }
}
