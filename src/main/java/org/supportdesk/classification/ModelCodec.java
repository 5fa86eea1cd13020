package org.supportdesk.classification;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The binary form of a {@link TrainedModel}: a header, the options, then only the buckets that hold something (a model
 * trained on a thousand tickets touches a few percent of its buckets). Big-endian through {@link DataOutputStream}; the
 * same model always gives the same bytes.
 */
final class ModelCodec {

    /** "SDML": Supportdesk model. */
    private static final int MAGIC = 0x53444d4c;

    private static final int FORMAT = 1;

    private ModelCodec() {}

    static byte[] write(TrainedModel model) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            TrainingOptions o = model.options;
            out.writeInt(o.hashBits());
            out.writeBoolean(o.wordPairs());
            out.writeBoolean(o.stems());
            out.writeBoolean(o.shape());
            out.writeInt(o.epochs());
            out.writeDouble(o.learningRate());
            out.writeDouble(o.l2());
            out.writeLong(o.seed());
            out.writeInt(model.documents);
            int[] df = model.documentFrequency;
            out.writeInt(nonZero(df));
            for (int b = 0; b < df.length; b++) {
                if (df[b] != 0) {
                    out.writeInt(b);
                    out.writeInt(df[b]);
                }
            }
            for (Field field : Field.values()) {
                writeInts(out, model.rules.right[field.ordinal()]);
                writeInts(out, model.rules.total[field.ordinal()]);
                writeInts(out, model.examplesPerLabel[field.ordinal()]);
                writeField(out, model.fields[field.ordinal()]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static TrainedModel read(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readInt() != MAGIC) {
                throw new IllegalArgumentException("not a Supportdesk model");
            }
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IllegalArgumentException("model format " + format + " is not supported (expected " + FORMAT
                        + "); train the model again");
            }
            TrainingOptions o = new TrainingOptions(
                    in.readInt(),
                    in.readBoolean(),
                    in.readBoolean(),
                    in.readBoolean(),
                    in.readInt(),
                    in.readDouble(),
                    in.readDouble(),
                    in.readLong());
            int buckets = 1 << o.hashBits();
            int documents = in.readInt();
            int[] df = new int[buckets];
            int entries = in.readInt();
            for (int i = 0; i < entries; i++) {
                df[checkBucket(in.readInt(), buckets)] = in.readInt();
            }
            int[][] right = new int[2][];
            int[][] total = new int[2][];
            int[][] perLabel = new int[2][];
            Softmax[] fields = new Softmax[2];
            for (Field field : Field.values()) {
                right[field.ordinal()] = readInts(in);
                total[field.ordinal()] = readInts(in);
                perLabel[field.ordinal()] = readInts(in);
                fields[field.ordinal()] = readField(in, buckets);
            }
            if (in.read() != -1) {
                throw new IllegalArgumentException("trailing bytes after the model");
            }
            return new TrainedModel(o, documents, df, fields, perLabel, new RulesCalibration(right, total));
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException known) {
                throw known;
            }
            throw new IllegalArgumentException("not a valid Supportdesk model: " + e, e);
        }
    }

    private static void writeField(DataOutputStream out, Softmax model) throws IOException {
        out.writeBoolean(model != null);
        if (model == null) {
            return;
        }
        int n = model.labels.size();
        out.writeInt(n);
        for (String label : model.labels) {
            out.writeUTF(label);
        }
        for (float b : model.bias) {
            out.writeFloat(b);
        }
        out.writeFloat(model.temperature);
        float[] w = model.weights;
        int rows = 0;
        for (int row = 0; row < w.length; row += n) {
            rows += isZero(w, row, n) ? 0 : 1;
        }
        out.writeInt(rows);
        for (int row = 0; row < w.length; row += n) {
            if (!isZero(w, row, n)) {
                out.writeInt(row / n);
                for (int k = 0; k < n; k++) {
                    out.writeFloat(w[row + k]);
                }
            }
        }
    }

    private static Softmax readField(DataInputStream in, int buckets) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        int n = in.readInt();
        if (n < 2 || n > 64) {
            throw new IllegalArgumentException("bad label count " + n);
        }
        List<String> labels = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            labels.add(in.readUTF());
        }
        float[] bias = new float[n];
        for (int k = 0; k < n; k++) {
            bias[k] = in.readFloat();
        }
        float temperature = in.readFloat();
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("bad temperature " + temperature);
        }
        float[] weights = new float[buckets * n];
        int rows = in.readInt();
        for (int r = 0; r < rows; r++) {
            int row = checkBucket(in.readInt(), buckets) * n;
            for (int k = 0; k < n; k++) {
                weights[row + k] = in.readFloat();
            }
        }
        return new Softmax(List.copyOf(labels), weights, bias, temperature);
    }

    private static boolean isZero(float[] w, int row, int n) {
        for (int k = 0; k < n; k++) {
            if (w[row + k] != 0) {
                return false;
            }
        }
        return true;
    }

    private static int nonZero(int[] values) {
        int count = 0;
        for (int v : values) {
            count += v != 0 ? 1 : 0;
        }
        return count;
    }

    private static void writeInts(DataOutputStream out, int[] values) throws IOException {
        out.writeInt(values.length);
        for (int v : values) {
            out.writeInt(v);
        }
    }

    private static int[] readInts(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > 64) {
            throw new IllegalArgumentException("bad table length " + length);
        }
        int[] values = new int[length];
        for (int i = 0; i < length; i++) {
            values[i] = in.readInt();
        }
        return values;
    }

    private static int checkBucket(int bucket, int buckets) {
        if (bucket < 0 || bucket >= buckets) {
            throw new IllegalArgumentException("bucket " + bucket + " out of range");
        }
        return bucket;
    }
}
