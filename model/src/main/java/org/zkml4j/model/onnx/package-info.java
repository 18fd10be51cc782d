/**
 * ONNX import: {@link org.zkml4j.model.onnx.OnnxImporter} reads a {@code .onnx} file (a protobuf
 * ModelProto, parsed by a small reader of the wire format, without a protobuf library) into the
 * {@link org.zkml4j.model.ir.Graph} IR, normalizing opset differences and folding what is constant.
 * Errors are {@link org.zkml4j.model.onnx.OnnxException}s that name the file, the node and what was
 * expected. The schema is onnx/onnx.proto; operator semantics are the ONNX operator documentation
 * (onnx/docs/Operators.md).
 */
package org.zkml4j.model.onnx;
