import { describe, expect, it } from 'vitest';
import { baseImageFacts, toolInBase } from '../../src/stack/base-images.js';

describe('base-image knowledge', () => {
  it.each([
    ['alpine:3.21', 'curl', 'no'],
    ['alpine:3.21', 'wget', 'yes'],
    ['busybox:1.36', 'wget', 'yes'],
    ['docker.io/library/alpine', 'curl', 'no'],
    ['python:3.12-alpine', 'wget', 'yes'],
    ['python:3.12-alpine', 'curl', 'no'],
    ['node:20-alpine3.20', 'curl', 'no'],
    ['nginx:1.27-alpine', 'wget', 'yes'],
    ['nginx:1.27-alpine', 'curl', 'unknown'],
    ['debian:bookworm', 'curl', 'no'],
    ['debian:bookworm', 'wget', 'no'],
    ['debian:bookworm-slim', 'curl', 'no'],
    ['ubuntu:24.04', 'wget', 'no'],
    ['python:3.12-slim', 'curl', 'no'],
    ['python:3.12-slim-bookworm', 'wget', 'no'],
    ['node:lts-buster-slim', 'curl', 'no'],
    ['python:3.12', 'curl', 'yes'],
    ['python:3.12', 'wget', 'yes'],
    ['node:20', 'curl', 'yes'],
    ['node:lts-bookworm', 'wget', 'yes'],
    ['golang:1.23', 'curl', 'yes'],
    ['buildpack-deps:bookworm-curl', 'curl', 'yes'],
    ['gcr.io/distroless/static-debian12', 'sh', 'no'],
    ['gcr.io/distroless/base-debian12:debug', 'sh', 'yes'],
    ['scratch', 'sh', 'no'],
    ['python:3.12-windowsservercore', 'curl', 'unknown'],
    ['myorg/python:3.12-alpine', 'curl', 'unknown'],
    ['ghcr.io/acme/app:1.0', 'curl', 'unknown'],
    ['python@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', 'curl', 'unknown'],
    ['${BASE}', 'curl', 'unknown'],
  ])('%s: %s is %s', (image, tool, expected) => {
    expect(toolInBase(image, tool)).toBe(expected);
  });

  it.each([
    ['nvidia/cuda:12.4.1-runtime-ubuntu22.04', true],
    ['nvcr.io/nvidia/pytorch:24.10-py3', true],
    ['pytorch/pytorch:2.5.1-cuda12.4-cudnn9-runtime', true],
    ['tensorflow/tensorflow:2.17.0-gpu', true],
    ['tensorflow/tensorflow:2.17.0', false],
    ['python:3.12-slim', false],
    ['ubuntu:22.04', false],
    ['eclipse-temurin:21-jre', false],
    ['ollama/ollama:0.3.14', undefined],
    ['mcr.microsoft.com/dotnet/aspnet:8.0', undefined],
  ])('%s ships CUDA: %s', (image, cuda) => {
    expect(baseImageFacts(image)?.cuda).toBe(cuda);
  });

  it('knows that scratch and distroless static, base and cc hold no program at all, and the language images hold their runtime', () => {
    expect(toolInBase('scratch', 'service')).toBe('no');
    expect(toolInBase('gcr.io/distroless/static-debian12:nonroot', 'grpc_health_probe')).toBe('no');
    expect(toolInBase('gcr.io/distroless/cc-debian12', 'nginx')).toBe('no');
    expect(toolInBase('gcr.io/distroless/python3-debian12', 'python3')).toBe('unknown');
    expect(toolInBase('gcr.io/distroless/static-debian12:debug', 'service')).toBe('unknown');
    expect(toolInBase('nginx:1.27', 'service')).toBe('unknown');
    expect(toolInBase('alpine:3.21', 'service')).toBe('unknown');
  });

  it('knows the ports official images EXPOSE', () => {
    expect(baseImageFacts('nginx:1.27')?.exposes).toEqual(['80']);
    expect(baseImageFacts('php:8.3-apache')?.exposes).toEqual(['80']);
    expect(baseImageFacts('php:8.3-fpm-alpine')?.exposes).toEqual(['9000']);
    expect(baseImageFacts('python:3.12-slim')?.exposes).toEqual([]);
    expect(baseImageFacts('tiangolo/uvicorn-gunicorn-fastapi:python3.11')).toBeUndefined();
  });
});
